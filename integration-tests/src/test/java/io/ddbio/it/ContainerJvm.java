package io.ddbio.it;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What a YARN container's JVM (MapReduce application master or task) is started with: a bounded
 * heap and the same {@code --add-opens} as this JVM.
 *
 * <p>Hadoop 3.4 needs those opens on Java 17 wherever its code runs, so the containers get them
 * too. They are read from this JVM's own arguments (the build passes the parent pom's {@code
 * hadoop.test.opens} to failsafe) rather than listed a second time here.
 */
final class ContainerJvm {
  /** Memory YARN grants each container. */
  static final int CONTAINER_MB = 512;

  /** The heap inside it; the rest is for metaspace, threads and direct buffers. */
  static final int HEAP_MB = 384;

  private static final String OPENS = "--add-opens";

  private ContainerJvm() {}

  /**
   * The {@code --add-opens} options this JVM was started with.
   *
   * @throws IllegalStateException if there are none: Hadoop's servers would fail later with obscure
   *     reflection errors, so say now what is missing
   */
  static List<String> opensOfThisJvm() {
    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> opens = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.startsWith(OPENS + "=")) {
        opens.add(argument);
      } else if (argument.equals(OPENS) && i + 1 < arguments.size()) {
        // The two-word form; containers get the one-word form, which needs no quoting.
        opens.add(OPENS + "=" + arguments.get(++i));
      }
    }
    if (opens.isEmpty()) {
      throw new IllegalStateException(
          "This JVM was started without --add-opens; Hadoop's minicluster needs them on Java 17."
              + " Run the tests through Maven (failsafe's argLine carries ${hadoop.test.opens}) or"
              + " pass the same options to your IDE's test runner.");
    }
    return opens;
  }

  /**
   * Flags for short-lived JVMs on a small machine: the client compiler only and one garbage
   * collector thread. A task lives seconds; C2 and parallel GC threads would only compete for the
   * cores with the other containers starting at the same time.
   */
  static final String STARTUP_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** The Java options of a container: heap limit, startup flags, then the opens. */
  static String javaOpts() {
    return "-Xmx" + HEAP_MB + "m " + STARTUP_FLAGS + " " + String.join(" ", opensOfThisJvm());
  }
}
