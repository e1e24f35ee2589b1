/**
 * A capacity-emulating HTTP front for DynamoDB Local: provisioned capacity with burst credit,
 * throttling, unprocessed items, and fault injection, none of which DynamoDB Local does.
 *
 * <p>{@link io.ddbio.testkit.emulator.CapacityEmulator} is the front; {@link
 * io.ddbio.testkit.emulator.EmulatedDynamoDb} starts it together with DynamoDB Local. Token buckets
 * ({@code TokenBucket}) are charged with the capacity DynamoDB Local reports as consumed; the
 * {@code *Metering} classes apply them per kind of operation; {@code FaultDice} draws the faults of
 * a {@link io.ddbio.testkit.emulator.FaultPlan}.
 */
package io.ddbio.testkit.emulator;
