package io.ddbio.importer.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.config.DdbioKeys;
import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.item.ItemNesting;
import io.ddbio.item.ItemSize;
import io.ddbio.write.InvalidItemException;
import io.ddbio.write.ItemKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB would refuse in a decoded item: a key attribute missing, empty or of the wrong
 * type, maps and lists nested deeper than {@link ItemNesting#MAX_LEVELS} levels, or a size over 400
 * KB. Refused by DynamoDB, such an item fails its whole batch with a ValidationException, so the
 * task; caught here, it is a bad record like any other. The mapper asks before handing an item to
 * the writer, so that a bad item is told from a good one in one place and can be set aside; the
 * writer's own check stays as the last guard.
 *
 * <p>The table's key travels to the tasks in the job's configuration: the tool has described the
 * table already, and a second DescribeTable per task would only repeat it.
 */
public final class ItemCheck {
  /** The destination table's key attributes, as JSON; set by the tool. */
  public static final String KEY_SCHEMA = "ddbio.import.table.key";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ItemKeys keys;
  private final String table;

  public ItemCheck(String table, List<KeyAttribute> keys) {
    this.table = table;
    this.keys = new ItemKeys(table, keys);
  }

  /** Records the table's key for the tasks. */
  public static void configure(Configuration conf, List<KeyAttribute> keys) {
    try {
      conf.set(KEY_SCHEMA, JSON.writeValueAsString(keys));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record the table's key " + keys, e);
    }
  }

  /**
   * The check of the table the configuration names.
   *
   * @throws IllegalStateException when the key was never configured
   */
  public static ItemCheck from(Configuration conf) {
    String json = conf.get(KEY_SCHEMA);
    if (json == null) {
      throw new IllegalStateException(
          KEY_SCHEMA + " is not set: ImportTool records the table's key before the job");
    }
    try {
      return new ItemCheck(
          conf.get(DdbioKeys.OUTPUT_TABLE.name()),
          Arrays.asList(JSON.readValue(json, KeyAttribute[].class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(KEY_SCHEMA + " is not a key schema: " + json, e);
    }
  }

  /**
   * Fails unless DynamoDB would take the item.
   *
   * @return the item's size, {@code ItemSize.of(item)}, for the writer to reuse
   * @throws InvalidItemException naming the key attribute, the nesting or the size, and the item's
   *     key
   */
  public long check(Map<String, AttributeValue> item) {
    keys.keyOf(item);
    ItemNesting.Deepest deepest = ItemNesting.of(item);
    if (deepest.levels() > ItemNesting.MAX_LEVELS) {
      throw new InvalidItemException(
          "Item "
              + keys.describe(item)
              + " nests "
              + deepest.levels()
              + " levels deep in attribute \""
              + deepest.attribute()
              + "\" (maps and lists inside one another, the item counting as the first), over"
              + " DynamoDB's limit of "
              + ItemNesting.MAX_LEVELS
              + " for table \""
              + table
              + "\"");
    }
    long size = ItemSize.of(item);
    if (size > ItemSize.MAX_ITEM_BYTES) {
      throw new InvalidItemException(ItemSize.overLimitMessage(keys.describe(item), size, table));
    }
    return size;
  }
}
