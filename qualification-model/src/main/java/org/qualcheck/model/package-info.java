/**
 * A qualification's immutable parts: the qualification, its units with their levels and reference
 * numbers, and the groups they are printed in.
 */
package org.qualcheck.model;
