package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables of other accounts, shared with the caller through a resource-based policy and reachable
 * only by their ARN, as DynamoDB has them. DynamoDB Local has one account: given an ARN it just
 * takes the name inside, so a client that dropped the ARN for the bare name would still reach the
 * right table there. Here each shared ARN stands for a backing table of DynamoDB Local with another
 * name, while the bare name reaches the caller's own table of that name, if any, as in DynamoDB.
 *
 * <p>Requests naming a shared ARN (as {@code TableName}, or as a key of {@code RequestItems}) are
 * forwarded with the backing table's name, and the answer is made to read as DynamoDB's would:
 * {@code TableName} is the shared table's own name, {@code TableArn} the shared ARN, and the keys
 * of {@code UnprocessedItems}, {@code UnprocessedKeys} and {@code Responses} are the ARN the
 * request used.
 */
final class SharedTables {
  private static final Pattern ARN =
      Pattern.compile("arn:[a-z0-9-]+:dynamodb:[a-z0-9-]+:[0-9]{12}:table/([^/]+)");
  private static final List<String> TABLE_KEYED =
      List.of("UnprocessedItems", "UnprocessedKeys", "Responses");

  private final Map<String, String> backingByArn = new ConcurrentHashMap<>();

  /**
   * Makes {@code arn} reach {@code backingTable} of DynamoDB Local.
   *
   * @throws IllegalArgumentException if {@code arn} is not a table's ARN
   */
  void share(String arn, String backingTable) {
    if (!ARN.matcher(arn).matches()) {
      throw new IllegalArgumentException("Not a DynamoDB table ARN: " + arn);
    }
    backingByArn.put(arn, backingTable);
  }

  /** A request as forwarded, and how to make its answer read as DynamoDB's. */
  record Rewrite(Request request, Map<String, String> arnByBacking) {
    /** The answer with the backing tables' names turned back into what the client used. */
    Answer outbound(Answer answer) throws IOException {
      if (arnByBacking.isEmpty() || answer.body().length == 0) {
        return answer;
      }
      ObjectNode json;
      try {
        json = JsonBodies.readObject(answer.body());
      } catch (IOException e) {
        return answer;
      }
      restore(json);
      return answer.withBody(JsonBodies.write(json));
    }

    private void restore(JsonNode node) {
      if (node instanceof ObjectNode object) {
        renameText(
            object,
            "TableName",
            backing ->
                arnByBacking.containsKey(backing) ? nameOf(arnByBacking.get(backing)) : null);
        renameText(object, "TableArn", this::sharedArnFor);
        for (String field : TABLE_KEYED) {
          if (object.get(field) instanceof ObjectNode keyed) {
            object.set(field, renamedKeys(keyed, arnByBacking));
          }
        }
      }
      node.forEach(this::restore);
    }

    /** The shared ARN for a backing table's own ARN (DynamoDB Local's), or null if none. */
    private String sharedArnFor(String localArn) {
      Matcher m = ARN.matcher(localArn);
      return m.matches() ? arnByBacking.get(m.group(1)) : null;
    }
  }

  /**
   * The request with every shared ARN replaced by its backing table.
   *
   * @throws IOException never for a body that is not JSON: that is forwarded as it is
   */
  Rewrite inbound(Request request) throws IOException {
    if (backingByArn.isEmpty() || request.body().length == 0) {
      return new Rewrite(request, Map.of());
    }
    ObjectNode json;
    try {
      json = JsonBodies.readObject(request.body());
    } catch (IOException e) {
      return new Rewrite(request, Map.of());
    }
    Map<String, String> arnByBacking = new HashMap<>();
    renameText(
        json,
        "TableName",
        arn -> {
          String backing = backingByArn.get(arn);
          if (backing != null) {
            arnByBacking.put(backing, arn);
          }
          return backing;
        });
    if (json.get("RequestItems") instanceof ObjectNode items) {
      Map<String, String> used = new HashMap<>();
      items
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (backingByArn.containsKey(name)) {
                  used.put(name, backingByArn.get(name));
                  arnByBacking.put(backingByArn.get(name), name);
                }
              });
      json.set("RequestItems", renamedKeys(items, used));
    }
    if (arnByBacking.isEmpty()) {
      return new Rewrite(request, Map.of());
    }
    return new Rewrite(request.withBody(JsonBodies.write(json)), arnByBacking);
  }

  private static String nameOf(String arn) {
    Matcher m = ARN.matcher(arn);
    return m.matches() ? m.group(1) : arn;
  }

  /** Replaces a text field by {@code rename}'s answer for it, unless that is null. */
  private static void renameText(
      ObjectNode object, String field, java.util.function.UnaryOperator<String> rename) {
    JsonNode value = object.get(field);
    if (value != null && value.isTextual()) {
      String renamed = rename.apply(value.asText());
      if (renamed != null) {
        object.set(field, TextNode.valueOf(renamed));
      }
    }
  }

  /** A copy of {@code object}, in the same order, with the keys {@code renames} names renamed. */
  private static ObjectNode renamedKeys(ObjectNode object, Map<String, String> renames) {
    ObjectNode renamed = object.objectNode();
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    object.fields().forEachRemaining(fields::add);
    for (Map.Entry<String, JsonNode> e : fields) {
      renamed.set(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue());
    }
    return renamed;
  }
}
