package io.ddbio.mapreduce;

import io.ddbio.item.Expiry;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Carries a job's {@code --skip-expired} rule ({@link Expiry}) from the tool to its tasks, so that
 * every task judges expiry by the same attribute and the same moment.
 */
public final class ExpiryConf {
  /** The time-to-live attribute; unset when expired items are kept. Internal: the tools set it. */
  static final String ATTRIBUTE = "ddbio.expiry.attribute";

  /** The moment expiry is judged at, in epoch seconds. Internal: the tools set it. */
  static final String AS_OF = "ddbio.expiry.as.of";

  private ExpiryConf() {}

  /** Makes the job's tasks leave out the items {@code expiry} holds expired. */
  public static void set(Configuration conf, Expiry expiry) {
    conf.set(ATTRIBUTE, expiry.attribute());
    conf.setLong(AS_OF, expiry.asOf());
  }

  /** The rule the tool set, if it asked for expired items to be left out. */
  public static Optional<Expiry> get(Configuration conf) {
    String attribute = conf.get(ATTRIBUTE);
    if (attribute == null) {
      return Optional.empty();
    }
    long asOf = conf.getLong(AS_OF, Long.MIN_VALUE);
    if (asOf == Long.MIN_VALUE) {
      throw new IllegalStateException(ATTRIBUTE + " is set without " + AS_OF);
    }
    return Optional.of(new Expiry(attribute, asOf));
  }
}
