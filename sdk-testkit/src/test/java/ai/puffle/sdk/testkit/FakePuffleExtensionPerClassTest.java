package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertSame;

import ai.puffle.sdk.PuffleClient;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakePuffleExtensionPerClassTest {
  private static final AtomicReference<FakePuffle> FIRST = new AtomicReference<>();

  @RegisterExtension
  static final FakePuffleExtension PUFFLE = FakePuffleExtension.perClass();

  @RepeatedTest(3)
  void everyMethodSharesTheClassEmulator(FakePuffle fake, PuffleClient client) {
    FIRST.compareAndSet(null, fake);
    assertSame(FIRST.get(), fake);
    assertSame(fake, PUFFLE.fake());
    assertSame(client, PUFFLE.client());
  }
}
