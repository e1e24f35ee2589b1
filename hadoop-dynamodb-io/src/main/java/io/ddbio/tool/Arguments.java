package io.ddbio.tool;

import io.ddbio.config.ThroughputOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job's command line after Hadoop's generic options ({@code -D}, {@code -conf}, …) are removed:
 * positional arguments, {@code --name value} options and {@code --flag}s. Only declared names are
 * accepted, so a typo fails with the usage instead of being ignored.
 */
public final class Arguments {
  /** The package of the predecessor's tools, as Data Pipeline's templates name them. */
  private static final String PREDECESSOR_TOOLS = "org.apache.hadoop.dynamodb.tools.";

  private final List<String> positional;
  private final Map<String, String> options;
  private final Set<String> flags;

  private Arguments(List<String> positional, Map<String, String> options, Set<String> flags) {
    this.positional = positional;
    this.options = options;
    this.flags = flags;
  }

  /**
   * Parses {@code args}.
   *
   * @param valued names of options that take a value (without {@code --})
   * @param flagNames names of options that take none
   * @throws UsageException for an unknown option or a missing value
   */
  public static Arguments parse(String[] args, Set<String> valued, Set<String> flagNames) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> flags = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.equals("--")) {
        positional.add(a);
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flagNames.contains(name) && value == null) {
        flags.add(name);
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = args[++i];
        }
        options.put(name, value);
      } else {
        throw new UsageException("Unknown option --" + name);
      }
    }
    return new Arguments(
        Collections.unmodifiableList(positional),
        Collections.unmodifiableMap(options),
        Collections.unmodifiableSet(flags));
  }

  /**
   * {@code args} without a leading main-class name. A Data Pipeline or EMR step line written for
   * another jar names its class first ({@code jar,org.apache.hadoop.dynamodb.tools.DynamoDbExport,
   * <path>,<table>,<ratio>}); with our jar's own Main-Class, {@code hadoop jar} passes that name on
   * as the first argument, so it is dropped here and such a step works with only the jar swapped.
   *
   * @param operation {@code Export} or {@code Import}: the predecessor's class is {@code
   *     DynamoDb<operation>} in the package the step line above names, which its users also spell
   *     {@code DynamoDB<operation>}
   * @param tool our own tool's class, which a step line may name too
   */
  public static String[] withoutLeadingClassName(String[] args, String operation, Class<?> tool) {
    Set<String> classNames =
        Set.of(
            PREDECESSOR_TOOLS + "DynamoDb" + operation,
            PREDECESSOR_TOOLS + "DynamoDB" + operation,
            tool.getName());
    if (args.length > 0 && classNames.contains(args[0])) {
      String[] rest = new String[args.length - 1];
      System.arraycopy(args, 1, rest, 0, rest.length);
      return rest;
    }
    return args;
  }

  /** The positional arguments, in order. */
  public List<String> positional() {
    return positional;
  }

  /** The positional argument at {@code index}, if given. */
  public Optional<String> positional(int index) {
    return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
  }

  /** An option's value, if given. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** Whether a flag was given. */
  public boolean flag(String name) {
    return flags.contains(name);
  }

  /**
   * A number from an option or positional argument.
   *
   * @param what the argument's name, for the error
   * @throws UsageException when it is not a number
   */
  public static double decimal(String value, String what) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a number, was \"" + value + "\"");
    }
  }

  /**
   * A whole number from an option or positional argument.
   *
   * @throws UsageException when it is not a whole number
   */
  public static int integer(String value, String what) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a whole number, was \"" + value + "\"");
    }
  }

  /**
   * A whole number of at least {@code min} from an option or positional argument.
   *
   * @throws UsageException when it is not a whole number, or less than {@code min}
   */
  public static int integerAtLeast(String value, String what, int min) {
    int n = integer(value, what);
    if (n < min) {
      throw new UsageException(what + " must be at least " + min + ", was " + value);
    }
    return n;
  }

  /** Whether {@code value} is an http or https URL with a host, as a DynamoDB endpoint must be. */
  public static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      boolean web =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return web && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * A share of a table's capacity: greater than 0 and at most {@link
   * ThroughputOptions#MAX_PERCENT}.
   *
   * @param explanation said after the range in the error, e.g. {@code " (0.25 is a quarter)"}; may
   *     be empty
   * @throws UsageException when it is not a number, or out of range
   */
  public static double capacityShare(String value, String what, String explanation) {
    double r = decimal(value, what);
    if (!(r > 0 && r <= ThroughputOptions.MAX_PERCENT)) {
      throw new UsageException(
          what
              + " must be greater than 0 and at most "
              + ThroughputOptions.MAX_PERCENT
              + explanation
              + ", was "
              + value);
    }
    return r;
  }

  /**
   * A positive, finite number, e.g. capacity units per second.
   *
   * @param explanation said after "a positive number" in the error, e.g. {@code " of read capacity
   *     units per second"}; may be empty
   * @throws UsageException when it is not a number, not positive or infinite
   */
  public static double positive(String value, String what, String explanation) {
    double u = decimal(value, what);
    if (!(u > 0) || Double.isInfinite(u)) {
      throw new UsageException(
          what + " must be a positive number" + explanation + ", was " + value);
    }
    return u;
  }
}
