/**
 * A qualification compiled to bitsets over unit indices, the form every check, search and count
 * runs on; lower level than the rest of the API.
 */
package org.qualcheck.compile;
