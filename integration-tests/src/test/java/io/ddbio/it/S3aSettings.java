package io.ddbio.it;

import java.net.URI;
import org.apache.hadoop.conf.Configuration;

/** The S3A settings that reach an S3-compatible server on loopback instead of AWS. */
final class S3aSettings {
  private S3aSettings() {}

  static void apply(Configuration conf, URI endpoint, String accessKey, String secretKey) {
    conf.set("fs.s3a.endpoint", endpoint.toString());
    conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
    // Bucket names in the path: a virtual-host name (bucket.127.0.0.1) would not resolve.
    conf.setBoolean("fs.s3a.path.style.access", true);
    // Any region will do; naming one keeps S3A from asking the environment or AWS for it.
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    // These keys and nothing else: no environment variables, profiles or instance metadata.
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", accessKey);
    conf.set("fs.s3a.secret.key", secretKey);
  }
}
