package io.ddbio.export.layout;

/**
 * What a {@code dynamodb-json} export's manifests name, fixed when the export is submitted: its id
 * (so every task writes under the same {@code AWSDynamoDB/<exportId>/}) and the table's identity.
 *
 * @param exportId the id, see {@link NativeLayout#newExportId}
 * @param tableArn the table's ARN from DescribeTable
 * @param tableId the table's id from DescribeTable, or null when the service gives none
 */
public record NativeExportTarget(String exportId, String tableArn, String tableId) {

  /** The export's ARN, as the native export forms it: the table's ARN, {@code /export/}, the id. */
  String exportArn() {
    return tableArn + "/export/" + exportId;
  }
}
