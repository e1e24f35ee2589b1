package io.ddbio.item;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ten DynamoDB types and how each item format spells its type tag.
 *
 * <p>Both formats read tags without regard to ASCII case, so one lookup serves both; only writing
 * needs the spelling, which is kept pre-encoded for the generator.
 */
enum TypeTag {
  S("s", "S"),
  N("n", "N"),
  B("b", "B"),
  SS("sS", "SS"),
  NS("nS", "NS"),
  BS("bS", "BS"),
  M("m", "M"),
  L("l", "L"),
  BOOL("bOOL", "BOOL"),
  NULL("nULL", "NULL");

  /** How the tags are spelled when written. */
  enum Spelling {
    /**
     * The field names of the AWS SDK v1 {@code AttributeValue}: {@code s}, {@code sS}, {@code
     * bOOL}.
     */
    DATA_PIPELINE,
    /** DynamoDB's own JSON: {@code S}, {@code SS}, {@code BOOL}. */
    DYNAMODB_JSON
  }

  private final SerializableString dataPipeline;
  private final SerializableString dynamoDbJson;

  TypeTag(String dataPipeline, String dynamoDbJson) {
    this.dataPipeline = new SerializedString(dataPipeline);
    this.dynamoDbJson = new SerializedString(dynamoDbJson);
  }

  /** The tag as {@code spelling} writes it. */
  SerializableString spelled(Spelling spelling) {
    return spelling == Spelling.DATA_PIPELINE ? dataPipeline : dynamoDbJson;
  }

  /**
   * The type a tag names, matching ASCII letters without regard to case, or null if none does.
   * Non-ASCII look-alikes (the Kelvin sign, the long s) deliberately do not match.
   */
  static TypeTag lookup(String tag) {
    return switch (tag.length()) {
      case 1 ->
          switch (lower(tag.charAt(0))) {
            case 's' -> S;
            case 'n' -> N;
            case 'b' -> B;
            case 'm' -> M;
            case 'l' -> L;
            default -> null;
          };
      case 2 ->
          lower(tag.charAt(1)) != 's'
              ? null
              : switch (lower(tag.charAt(0))) {
                case 's' -> SS;
                case 'n' -> NS;
                case 'b' -> BS;
                default -> null;
              };
      case 4 -> sameLetters(tag, "bool") ? BOOL : sameLetters(tag, "null") ? NULL : null;
      default -> null;
    };
  }

  /** The tag of a value, or null if the value holds no type this SDK knows. */
  static TypeTag of(AttributeValue value) {
    return switch (value.type()) {
      case S -> S;
      case N -> N;
      case B -> B;
      case SS -> SS;
      case NS -> NS;
      case BS -> BS;
      case M -> M;
      case L -> L;
      case BOOL -> BOOL;
      case NUL -> NULL;
      default -> null;
    };
  }

  private static boolean sameLetters(String tag, String lowerCase) {
    for (int i = 0; i < lowerCase.length(); i++) {
      if (lower(tag.charAt(i)) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
