package io.ddbio.backup;

/**
 * Which names in a backup's directory are not data: Hadoop's markers ({@code _SUCCESS}, {@code
 * _temporary}) and hidden files ({@code .part.crc}), the names Hadoop's {@code FileInputFormat}
 * skips. The export names its data files so, the import and the verifier read the files they list
 * by it: one rule, so what one writes the others take for data.
 */
public final class HiddenFiles {
  private HiddenFiles() {}

  /** Whether {@code name} (a file's name, not its path) is a marker or a hidden file. */
  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}
