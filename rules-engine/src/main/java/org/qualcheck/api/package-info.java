/**
 * The entry point for applications that embed qualcheck: load a spec once, then check, complete and
 * explain plans from any thread.
 */
package org.qualcheck.api;
