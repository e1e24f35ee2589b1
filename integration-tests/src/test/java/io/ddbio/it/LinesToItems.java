package io.ddbio.it;

import io.ddbio.testing.LineJobs;

/** {@link LineJobs.LinesToItems} that also records where its task ran ({@link TaskPlacement}). */
public class LinesToItems extends LineJobs.LinesToItems {
  @Override
  protected void setup(Context context) {
    TaskPlacement.record(context);
  }
}
