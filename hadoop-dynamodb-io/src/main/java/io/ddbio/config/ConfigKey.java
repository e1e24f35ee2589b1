package io.ddbio.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, type, default and meaning, declared once in {@link DdbioKeys}.
 *
 * <p>Values are read through a plain lookup function ({@code name -> value or null}) so the core
 * never sees a Hadoop {@code Configuration}; the MapReduce adapter passes {@code conf::get}.
 *
 * @param <T> the parsed type
 */
public final class ConfigKey<T> {
  private final String name;
  private final T defaultValue;
  private final String description;
  private final boolean secret;
  private final Function<String, T> parser;
  private final String typeName;

  private ConfigKey(
      String name,
      T defaultValue,
      String description,
      boolean secret,
      String typeName,
      Function<String, T> parser) {
    this.name = Objects.requireNonNull(name);
    this.defaultValue = defaultValue;
    this.description = Objects.requireNonNull(description);
    this.secret = secret;
    this.typeName = typeName;
    this.parser = parser;
  }

  /** A text key. */
  public static ConfigKey<String> text(String name, String defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, description, false, "string", String::trim);
  }

  /** A secret text key: its value never appears in logs, messages or dumps. */
  public static ConfigKey<String> secret(String name, String description) {
    return new ConfigKey<>(name, null, description, true, "secret", String::trim);
  }

  /** A whole-number key. */
  public static ConfigKey<Integer> integer(String name, Integer defaultValue, String description) {
    return new ConfigKey<>(
        name, defaultValue, description, false, "int", s -> Integer.parseInt(s.trim()));
  }

  /** A decimal key. */
  public static ConfigKey<Double> decimal(String name, Double defaultValue, String description) {
    return new ConfigKey<>(
        name, defaultValue, description, false, "double", s -> Double.parseDouble(s.trim()));
  }

  /** A true/false key ({@code true} or {@code false}, any case). */
  public static ConfigKey<Boolean> bool(String name, Boolean defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, description, false, "boolean", ConfigKey::parseBool);
  }

  /** A duration key: a number with a unit, {@code ms}, {@code s}, {@code m} or {@code h}. */
  public static ConfigKey<Duration> duration(
      String name, Duration defaultValue, String description) {
    return new ConfigKey<>(
        name, defaultValue, description, false, "duration", ConfigKey::parseDuration);
  }

  public String name() {
    return name;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public boolean isSecret() {
    return secret;
  }

  /** The type as documented in {@code docs/CONFIGURATION.md}. */
  public String typeName() {
    return typeName;
  }

  /**
   * Reads this key.
   *
   * @param source name to raw value, {@code null} when unset
   * @return the parsed value, or the default when unset or blank
   * @throws IllegalArgumentException naming the key and the expected form when the value is invalid
   *     (a secret's value is never echoed)
   */
  public T read(Function<String, String> source) {
    String raw = source.apply(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      return parser.apply(raw);
    } catch (RuntimeException e) {
      String shown = secret ? "(secret)" : '"' + raw + '"';
      throw new IllegalArgumentException(
          "Invalid value "
              + shown
              + " for "
              + name
              + ": expected a "
              + typeName
              + ". "
              + description,
          e);
    }
  }

  /** The default rendered as the documentation shows it, {@code (none)} when there is none. */
  public String defaultText() {
    if (defaultValue == null) {
      return "(none)";
    }
    if (defaultValue instanceof Duration d) {
      return formatDuration(d);
    }
    return String.valueOf(defaultValue);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Boolean parseBool(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return Boolean.TRUE;
    }
    if (v.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not true or false");
  }

  static Duration parseDuration(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    int split = 0;
    while (split < v.length() && (Character.isDigit(v.charAt(split)) || v.charAt(split) == '.')) {
      split++;
    }
    if (split == 0) {
      throw new IllegalArgumentException("no number");
    }
    double amount = Double.parseDouble(v.substring(0, split));
    String unit = v.substring(split).trim();
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "s", "" -> amount * 1_000;
          case "m", "min" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    return Duration.ofMillis(Math.round(millis));
  }

  static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
