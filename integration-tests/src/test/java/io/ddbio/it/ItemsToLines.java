package io.ddbio.it;

import io.ddbio.testing.LineJobs;

/** {@link LineJobs.ItemsToLines} that also records where its task ran ({@link TaskPlacement}). */
public class ItemsToLines extends LineJobs.ItemsToLines {
  @Override
  protected void setup(Context context) {
    TaskPlacement.record(context);
  }
}
