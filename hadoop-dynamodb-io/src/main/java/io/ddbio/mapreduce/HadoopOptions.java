package io.ddbio.mapreduce;

import io.ddbio.config.ConfigKey;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a Hadoop {@link Configuration} into {@link DdbioOptions}, once per component. */
public final class HadoopOptions {
  private static final Logger LOG = LoggerFactory.getLogger(HadoopOptions.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private HadoopOptions() {}

  /**
   * Secrets are read with {@link Configuration#getPassword}, which asks the configured credential
   * providers first and falls back to the plain value.
   */
  public static DdbioOptions from(Configuration conf) {
    warnAboutPlainSecrets(conf);
    return DdbioOptions.from(conf::get, name -> password(conf, name));
  }

  /**
   * A secret set as a plain property travels in the job's configuration file (job.xml) to every
   * task and into the job history; say so once, naming the key, never the value.
   */
  private static void warnAboutPlainSecrets(Configuration conf) {
    for (ConfigKey<?> key : DdbioKeys.all()) {
      if (key.isSecret() && conf.getRaw(key.name()) != null && WARNED.add(key.name())) {
        LOG.warn(
            "{} is set in the job configuration in plain text, so it is stored in job.xml;"
                + " prefer the AWS default credential chain or a Hadoop credential provider"
                + " (hadoop.security.credential.provider.path)",
            key.name());
      }
    }
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
