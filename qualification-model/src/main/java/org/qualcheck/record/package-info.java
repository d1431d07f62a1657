/**
 * A learner's record as a centre's MIS holds it: which units are achieved, in progress or planned,
 * when and how each was achieved (assessment, credit transfer, recognition of prior learning or
 * exemption), and the qualifications and named achievements a framework asks for. {@link
 * org.qualcheck.record.LearnerRecord} is the immutable type; {@link
 * org.qualcheck.record.RecordReader} reads it strictly from JSON.
 */
package org.qualcheck.record;
