package ai.puffle.sdk.testkit.internal;

import java.util.Random;

/** Deterministic ids and tokens from a seed: the same seed gives the same ids in order. */
final class IdGenerator {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private final Random random;

  IdGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A version-4 UUID. */
  synchronized String uuid() {
    long high = random.nextLong();
    long low = random.nextLong();
    high = (high & ~0xF000L) | 0x4000L;
    low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    String hex = hex(high, 16) + hex(low, 16);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }

  /** {@code pk_live_} and 64 hex digits: the shape of a Puffle API key. */
  synchronized String apiKey() {
    StringBuilder key = new StringBuilder("pk_live_");
    for (int i = 0; i < 64; i++) {
      key.append(HEX[random.nextInt(16)]);
    }
    return key.toString();
  }

  /** A Trigger.dev-style id or token: {@code prefix} and {@code length} letters and digits. */
  synchronized String token(String prefix, int length) {
    StringBuilder token = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      token.append(ALNUM[random.nextInt(ALNUM.length)]);
    }
    return token.toString();
  }

  private static String hex(long value, int digits) {
    StringBuilder text = new StringBuilder(Long.toHexString(value));
    while (text.length() < digits) {
      text.insert(0, '0');
    }
    return text.toString();
  }
}
