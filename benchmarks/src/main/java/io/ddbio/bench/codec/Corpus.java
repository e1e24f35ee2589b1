package io.ddbio.bench.codec;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The fixed items every codec benchmark works on, in each form a benchmark needs: as SDK items (to
 * encode), as Data Pipeline and DynamoDB JSON lines (to decode), and as recorded token sequences
 * (for the encode yardstick). Built the same way for the same profile, on every run and machine.
 */
public final class Corpus {
  /** Items per corpus; each benchmark invocation handles all of them. */
  public static final int ITEMS = 2_000;

  /** The corpus seed, fixed so that figures from different runs describe the same bytes. */
  public static final long SEED = 20_250_801L;

  private final RealisticItems.Profile profile;
  private final List<Map<String, AttributeValue>> items;
  private final LineBuffer dataPipeline;
  private final LineBuffer dynamoDbJson;
  private final TokenScript[] scripts;

  private Corpus(
      RealisticItems.Profile profile,
      List<Map<String, AttributeValue>> items,
      LineBuffer dataPipeline,
      LineBuffer dynamoDbJson,
      TokenScript[] scripts) {
    this.profile = profile;
    this.items = items;
    this.dataPipeline = dataPipeline;
    this.dynamoDbJson = dynamoDbJson;
    this.scripts = scripts;
  }

  /** Builds the corpus of {@link #ITEMS} items of {@code profile}. */
  public static Corpus build(RealisticItems.Profile profile) {
    List<Map<String, AttributeValue>> items = new RealisticItems(SEED, profile).items(ITEMS);
    DataPipelineCodec dp = new DataPipelineCodec();
    DynamoDbJsonCodec json = new DynamoDbJsonCodec();
    List<byte[]> dpLines = new ArrayList<>(ITEMS);
    List<byte[]> jsonLines = new ArrayList<>(ITEMS);
    for (Map<String, AttributeValue> item : items) {
      dpLines.add(dp.encode(item));
      jsonLines.add(json.encode(item));
    }
    LineBuffer dpBuffer = LineBuffer.of(dpLines);
    TokenScript[] scripts = new TokenScript[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      scripts[i] =
          TokenScript.record(
              Yardstick.FACTORY, dpBuffer.bytes(), dpBuffer.offset(i), dpBuffer.length(i));
    }
    return new Corpus(profile, items, dpBuffer, LineBuffer.of(jsonLines), scripts);
  }

  /** The size profile. */
  public RealisticItems.Profile profile() {
    return profile;
  }

  /** The items, in order. */
  public List<Map<String, AttributeValue>> items() {
    return items;
  }

  /** The items as Data Pipeline lines. */
  public LineBuffer dataPipeline() {
    return dataPipeline;
  }

  /** The items as DynamoDB JSON lines; as long as the Data Pipeline lines, tag for tag. */
  public LineBuffer dynamoDbJson() {
    return dynamoDbJson;
  }

  /** The token sequence of each Data Pipeline line. */
  public TokenScript[] scripts() {
    return scripts;
  }

  /** One line describing the corpus, for benchmark logs and the report. */
  public String describe() {
    return String.format(
        "corpus %s: %d items, %d bytes of Data Pipeline lines (%.1f bytes/item),"
            + " %d bytes of DynamoDB JSON lines",
        profile,
        ITEMS,
        dataPipeline.totalBytes(),
        (double) dataPipeline.totalBytes() / ITEMS,
        dynamoDbJson.totalBytes());
  }
}
