package io.mlregistry;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small seeded generator for property tests: strings from a given alphabet or from anywhere in
 * Unicode (control characters, lone surrogates, unassigned code points included), and a runner
 * that tries a property on many generated cases and names the failing case, its index and the
 * seed. A fixed seed makes every run generate the same cases, so a failure reproduces.
 */
final class Gen {

    /** One source of randomness for one property run. */
    private final SplittableRandom random;

    private Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs {@code property} on {@code tries} values drawn from {@code generator}; a failure names
     * the case.
     */
    static <T> void forAll(long seed, int tries, Function<Gen, T> generator, Consumer<T> property) {
        Gen gen = new Gen(seed);
        for (int i = 0; i < tries; i++) {
            T value = generator.apply(gen);
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + i + " of seed " + seed + " failed for " + describe(value), e);
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            StringBuilder out = new StringBuilder("\"");
            ((String) value).chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                    : String.format("\\u%04x", c)));
            return out.append('"').toString();
        }
        return String.valueOf(value);
    }

    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean bool() {
        return random.nextBoolean();
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    String string(String alphabet, int min, int max) {
        int length = between(min, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A string of {@code min} to {@code max} UTF-16 units from anywhere in Unicode. */
    String anyUnicode(int min, int max) {
        int length = between(min, max);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int kind = random.nextInt(10);
            int codePoint = kind == 0 ? random.nextInt(0x20)                  // C0 controls
                    : kind == 1 ? 0x7f + random.nextInt(0x21)                 // DEL and C1 controls
                    : kind == 2 ? 0xd800 + random.nextInt(0x800)              // lone surrogates
                    : kind == 3 ? 0x2000 + random.nextInt(0x70)               // spaces, format characters
                    : kind == 4 ? random.nextInt(0x110000)                    // anywhere
                    : 0x20 + random.nextInt(0x5f);                            // printable ASCII
            if (Character.isSupplementaryCodePoint(codePoint) && out.length() + 2 > length) {
                continue;
            }
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    /** Anything a caller could pass: Unicode at large, plain ASCII, or near-valid identifiers. */
    String anything() {
        return switch (random.nextInt(4)) {
            case 0 -> anyUnicode(0, 120);
            case 1 -> string(ASCII, 0, 120);
            case 2 -> string(LOWER + DIGITS + "-._ :/", 0, 60);
            default -> string(LOWER + UPPER + DIGITS + "-._", 1, 110);
        };
    }

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String ASCII;

    static {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            ascii.append(c);
        }
        ASCII = ascii.toString();
    }
}
