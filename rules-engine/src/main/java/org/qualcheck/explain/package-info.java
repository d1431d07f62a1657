/**
 * A qualification's structure for people: its groups and units as a table and its rules of
 * combination in the plain English of a specification, or as a Mermaid diagram.
 */
package org.qualcheck.explain;
