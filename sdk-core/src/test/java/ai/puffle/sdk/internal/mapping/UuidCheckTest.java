package ai.puffle.sdk.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Checks that the hand-written {@link Validate#isUuid} accepts exactly the strings that the
 * documented {@link Validate#UUID} pattern matches: an edge table, then seeded random sweeps of
 * valid UUIDs mutated one character at a time.
 */
class UuidCheckTest {
  private static final String VALID = "123e4567-e89b-42d3-a456-426614174000";

  /** Characters the mutations draw from: hex of both cases, near misses, non-ASCII digits. */
  private static final String POOL =
      "0123456789abcdefABCDEFgGxX-_ \t\n\u00a0"
          + "\u0660\u0661\u0669\u06f1\u0966\u0967\uff10\uff11\uff21\uff41\u0430\u00e9";

  private static void assertAgrees(String s) {
    boolean regex = Validate.UUID.matcher(s).matches();
    assertEquals(regex, Validate.isUuid(s), () -> "disagree on \"" + s + "\" (regex " + regex + ")");
  }

  @Test
  void edgeTable() {
    List<String> accepted =
        List.of(
            VALID,
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "123E4567-E89B-42D3-A456-426614174000",
            "aBcDeF01-2345-6789-AbCd-eF0123456789",
            "123e4567-e89b-12d3-8456-426614174000",
            "123e4567-e89b-82d3-b456-426614174000",
            "123e4567-e89b-42d3-9456-426614174000",
            "123e4567-e89b-42d3-A456-426614174000",
            "123e4567-e89b-42d3-B456-426614174000");
    List<String> rejected =
        List.of(
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "ffffffff-ffff-ffff-ffff-fffffffffffF",
            "00000000-0000-0000-0000-000000000001",
            "123e4567-e89b-02d3-a456-426614174000",
            "123e4567-e89b-92d3-a456-426614174000",
            "123e4567-e89b-f2d3-a456-426614174000",
            "123e4567-e89b-42d3-c456-426614174000",
            "123e4567-e89b-42d3-C456-426614174000",
            "123e4567-e89b-42d3-7456-426614174000",
            "123e4567-e89b-42d3-0456-426614174000",
            "123e4567e89b42d3a456426614174000",
            "123e4567-e89b-42d3-a456426614174000",
            "123e4567-e89b-42d3-a456-42661417400",
            "123e4567-e89b-42d3-a456-4266141740000",
            "123e4567-e89b-42d3-a456-42661417400g",
            "123e4567_e89b-42d3-a456-426614174000",
            "{123e4567-e89b-42d3-a456-426614174000}",
            "\u0661\u0662\u0663e4567-e89b-42d3-a456-426614174000".substring(0, 36),
            "123e4567-e89b-\u0664\u0662d3-a456-426614174000",
            "123e4567-e89b-42d3-a456-\uff14\uff12\uff16614174000",
            " 123e4567-e89b-42d3-a456-42661417400",
            "123e4567-e89b-42d3-a456-42661417400 ",
            "123e4567-e89b-42d3-a456-426614174000 ",
            "123e4567-e89b-42d3-a456-426614174000\n",
            "123e4567-e89b-42d3-a456-42661417400\n",
            "123e4567-e89b-42d3-a456\t426614174000",
            "------------------------------------",
            "",
            "0");
    for (String s : accepted) {
      assertTrue(Validate.isUuid(s), s);
      assertAgrees(s);
    }
    for (String s : rejected) {
      assertFalse(Validate.isUuid(s), s);
      assertAgrees(s);
    }
  }

  @Test
  void everyVersionAndVariantCharacter() {
    for (char c = 0; c < 0x300; c++) {
      assertAgrees(VALID.substring(0, 14) + c + VALID.substring(15));
      assertAgrees(VALID.substring(0, 19) + c + VALID.substring(20));
      assertAgrees(VALID.substring(0, 8) + c + VALID.substring(9));
      assertAgrees(VALID.substring(0, 35) + c);
    }
  }

  @Test
  void randomOneCharacterMutationsOfValidUuids() {
    Random random = new Random(4122L);
    int accepted = 0;
    int rejected = 0;
    for (int n = 0; n < 40_000; n++) {
      String mutated = mutate(randomValid(random), random);
      assertAgrees(mutated);
      if (Validate.isUuid(mutated)) {
        accepted++;
      } else {
        rejected++;
      }
    }
    assertTrue(accepted > 1_000, "accepted " + accepted);
    assertTrue(rejected > 1_000, "rejected " + rejected);
  }

  @Test
  void randomMutationsOfNilAndMax() {
    Random random = new Random(7L);
    String[] bases = {
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"
    };
    for (int n = 0; n < 10_000; n++) {
      assertAgrees(mutate(bases[random.nextInt(bases.length)], random));
    }
  }

  @Test
  void randomStringsOfUuidLength() {
    Random random = new Random(36L);
    String chars = "0123456789abcdefABCDEF-";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder(36);
      for (int i = 0; i < 36; i++) {
        boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
        s.append(
            dash && random.nextInt(20) != 0 ? '-' : chars.charAt(random.nextInt(chars.length())));
      }
      assertAgrees(s.toString());
    }
  }

  /** A valid UUID: random, with a random version 1-8, variant and case. */
  private static String randomValid(Random random) {
    char[] chars = new UUID(random.nextLong(), random.nextLong()).toString().toCharArray();
    chars[14] = (char) ('1' + random.nextInt(8));
    chars[19] = "89abAB".charAt(random.nextInt(6));
    if (random.nextBoolean()) {
      for (int i = 0; i < chars.length; i++) {
        chars[i] = random.nextBoolean() ? Character.toUpperCase(chars[i]) : chars[i];
      }
    }
    String s = new String(chars);
    assertTrue(Validate.UUID.matcher(s).matches(), s);
    return s;
  }

  /** {@code s} with one character replaced, inserted or removed. */
  private static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    char c = POOL.charAt(random.nextInt(POOL.length()));
    int op = random.nextInt(10);
    if (op < 8) {
      b.setCharAt(random.nextInt(b.length()), c);
    } else if (op == 8) {
      b.insert(random.nextInt(b.length() + 1), c);
    } else {
      b.deleteCharAt(random.nextInt(b.length()));
    }
    return b.toString();
  }
}
