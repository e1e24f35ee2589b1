/**
 * JUnit 5 extensions that give a test class the real parts of this test kit, started before its
 * tests and closed after them.
 */
package io.ddbio.testkit.junit;
