package ai.puffle.sdk.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootprintTableTest {
  @TempDir
  Path dir;

  @Test
  void smallClassPathMeetsTheBudgetAndTheSdkJarIsSplitByPackage() throws IOException {
    Path sdk = jar("sdk.jar", "ai/puffle/sdk/Session.class", "ai/puffle/sdk/internal/run/RunWatch.class",
        "ai/puffle/sdk/internal/run/RunCalls.class", "META-INF/MANIFEST.MF");
    Path dependency = jar("dep.jar", "dev/failsafe/Policy.class");

    String table = FootprintTable.render(sdk + File.pathSeparator + dependency);

    assertTrue(table.contains("| **2 jars** |"), table);
    assertTrue(table.contains("Budget 10 jars and 3.5 MiB: met."), table);
    assertTrue(table.contains("| ai.puffle.sdk | 1 |"), table);
    assertTrue(table.contains("| ai.puffle.sdk.internal.run | 2 |"), table);
    assertTrue(table.contains("| other files (manifest, Maven descriptor, module-info) | 1 |"), table);
  }

  @Test
  void overBudgetIsReportedWithTheRoomLeftForTheSdk() throws IOException {
    Path sdk = jar("sdk.jar", "ai/puffle/sdk/Session.class");
    Path big = dir.resolve("big.jar");
    byte[] noise = new byte[(int) FootprintTable.MAX_BYTES];
    new Random(1).nextBytes(noise);
    Files.write(big, noise);

    String table = FootprintTable.render(sdk + File.pathSeparator + big);

    assertTrue(table.contains("Budget 10 jars and 3.5 MiB: not met."), table);
    assertTrue(table.contains("leaves 0 bytes (0 KiB) for the SDK's own jar"), table);
  }

  private Path jar(String name, String... entries) throws IOException {
    Path path = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        zip.closeEntry();
      }
    }
    return path;
  }
}
