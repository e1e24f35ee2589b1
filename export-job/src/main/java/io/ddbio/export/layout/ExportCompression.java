package io.ddbio.export.layout;

import io.ddbio.tool.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.DefaultCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * How data files are compressed: the values of {@code --compression}, each a Hadoop codec. The
 * codec's default extension ends every data file's name, so importers (ours, and Hadoop's codec
 * factory) detect it from the name alone.
 */
public enum ExportCompression {
  /** Plain text, as Data Pipeline writes it. */
  NONE(null),
  /** {@code .gz} files. */
  GZIP(GzipCodec.class),
  /** {@code .bz2} files, splittable by readers that care. */
  BZIP2(BZip2Codec.class),
  /** {@code .deflate} files (zlib). */
  DEFLATE(DefaultCodec.class);

  private final Class<? extends CompressionCodec> codec;

  ExportCompression(Class<? extends CompressionCodec> codec) {
    this.codec = codec;
  }

  /** The name on the command line: {@code gzip}, {@code bzip2}, {@code deflate}, {@code none}. */
  public String argument() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The compression named on the command line, in any case.
   *
   * @throws UsageException naming the accepted values
   */
  public static ExportCompression parse(String argument) {
    for (ExportCompression c : values()) {
      if (c.argument().equalsIgnoreCase(argument.trim())) {
        return c;
      }
    }
    throw new UsageException(
        "--compression must be one of " + choices() + ", was \"" + argument + "\"");
  }

  /** The accepted values, for messages and the usage text. */
  public static String choices() {
    return Arrays.stream(values())
        .map(ExportCompression::argument)
        .collect(Collectors.joining(", "));
  }

  /**
   * Sets {@link FileOutputFormat}'s own compression keys, so the output format reads one setting
   * whether it came from {@code --compression} or from {@code -D}.
   */
  public void applyTo(Configuration conf) {
    conf.setBoolean(FileOutputFormat.COMPRESS, codec != null);
    if (codec != null) {
      conf.setClass(FileOutputFormat.COMPRESS_CODEC, codec, CompressionCodec.class);
    }
  }
}
