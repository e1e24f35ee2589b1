package io.ddbio.mapreduce;

import io.ddbio.config.DdbioOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/** Reads a Hadoop {@link Configuration} into {@link DdbioOptions}, once per component. */
public final class HadoopOptions {
  private HadoopOptions() {}

  /**
   * Secrets are read with {@link Configuration#getPassword}, which asks the configured credential
   * providers first and falls back to the plain value.
   */
  public static DdbioOptions from(Configuration conf) {
    return DdbioOptions.from(conf::get, name -> password(conf, name));
  }

  private static String password(Configuration conf, String name) {
    try {
      char[] value = conf.getPassword(name);
      return value == null ? null : new String(value);
    } catch (IOException e) {
      // The message names the key but never the value.
      throw new UncheckedIOException("Cannot read " + name + " from the credential providers", e);
    }
  }
}
