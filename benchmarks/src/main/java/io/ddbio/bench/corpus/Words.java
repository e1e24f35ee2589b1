package io.ddbio.bench.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Text that looks like what tables hold: mostly ASCII words, some accented Latin, Cyrillic, CJK and
 * emoji, and now and then a character JSON must escape. The proportions are fixed so that every
 * corpus built from the same seed has the same mix.
 */
final class Words {
  private static final List<String> ASCII =
      List.of(
          "order",
          "status",
          "shipped",
          "pending",
          "customer",
          "account",
          "premium",
          "basic",
          "blue",
          "green",
          "red",
          "large",
          "small",
          "medium",
          "warehouse",
          "berlin",
          "london",
          "new",
          "york",
          "paris",
          "delivery",
          "express",
          "standard",
          "gift",
          "wrap",
          "coupon",
          "summer",
          "winter",
          "sale",
          "retail",
          "online",
          "store",
          "mobile",
          "desktop",
          "tablet",
          "alpha",
          "beta",
          "gamma",
          "delta",
          "report",
          "invoice",
          "refund",
          "returned",
          "the",
          "of",
          "and",
          "with",
          "for",
          "from",
          "a",
          "to",
          "in",
          "on",
          "by",
          "at");

  private static final List<String> LATIN =
      List.of("café", "naïve", "Zürich", "São Paulo", "Kraków", "Ålesund", "façade", "Øresund");

  private static final List<String> OTHER_SCRIPTS =
      List.of("東京", "北京市", "서울", "Москва", "Αθήνα", "القاهرة", "מזל טוב", "ไทย");

  private static final List<String> EMOJI = List.of("🚀", "👍🏽", "✅", "🎉", "☕");

  /** Characters JSON writers must escape, as they turn up in free text (quotes, paths, lines). */
  private static final List<String> ESCAPED = List.of("\"", "\\", "\n", "\t", "/");

  private final SplittableRandom random;

  Words(SplittableRandom random) {
    this.random = random;
  }

  /** One word: 90% ASCII, 5% accented Latin, 3% other scripts, 2% emoji. */
  String word() {
    int pick = random.nextInt(100);
    if (pick < 90) {
      return ASCII.get(random.nextInt(ASCII.size()));
    }
    if (pick < 95) {
      return LATIN.get(random.nextInt(LATIN.size()));
    }
    if (pick < 98) {
      return OTHER_SCRIPTS.get(random.nextInt(OTHER_SCRIPTS.size()));
    }
    return EMOJI.get(random.nextInt(EMOJI.size()));
  }

  /** Words separated by spaces, about {@code chars} characters long (never much longer). */
  String text(int chars) {
    StringBuilder s = new StringBuilder(chars + 16);
    while (s.length() < chars) {
      if (s.length() > 0) {
        s.append(random.nextInt(40) == 0 ? ESCAPED.get(random.nextInt(ESCAPED.size())) : " ");
      }
      s.append(word());
    }
    if (s.length() <= chars + 8) {
      return s.toString();
    }
    // Never cut between the two halves of a character outside the BMP.
    int cut = Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars;
    return s.substring(0, cut);
  }

  /** An identifier such as {@code sku-8F3A2C}. */
  String code(String prefix) {
    return prefix + "-" + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF)).toUpperCase();
  }
}
