package org.qualcheck.cli.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Verdict;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;

/**
 * The fast path for the common batch record: printable ASCII, a learner, a known qualification and
 * known units each given once; in CSV without quotes and with the header's number of fields, in
 * JSON lines an object of text fields and a list of text units. Such a record is parsed and checked
 * without the strings, lists, maps, plans and outcomes the general path makes for it: a CSV record
 * on its bytes, a JSON one through the streaming parser. Anything else is left to the general path
 * ({@link RecordParser} and {@link RecordChecker}), which also words every error; both give the
 * same output for a record the fast path takes. Immutable and thread-safe; each thread checks
 * through its own {@link Scratch}.
 */
final class FastPath {
  private static final JsonFactory JSON = new JsonFactory();

  private final int columns;
  private final int learner;
  private final int units;
  private final int qualification;
  /** The passed-through columns, in header order. */
  private final int[] passthrough;
  private final SerializedString[] passthroughNames;
  private final Target[] targets;
  /** The target of a record that names no qualification, or null when there are several. */
  private final Target only;

  FastPath(List<String> header, List<Checker> checkers) {
    this(header, checkers, CACHED);
  }

  /**
   * @param header the CSV header's columns, or null for JSON lines
   * @param cached how many encoded lists of failing rules to keep per target and format
   */
  FastPath(List<String> header, List<Checker> checkers, int cached) {
    List<String> h = header == null ? List.of() : header;
    this.columns = h.size();
    this.learner = h.indexOf("learner");
    this.units = h.indexOf("units");
    this.qualification = h.indexOf("qualification");
    List<Integer> pass = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (i != learner && i != units && i != qualification) {
        pass.add(i);
      }
    }
    this.passthrough = pass.stream().mapToInt(Integer::intValue).toArray();
    this.passthroughNames = pass.stream().map(i -> new SerializedString(h.get(i)))
        .toArray(SerializedString[]::new);
    this.targets = checkers.stream().map(c -> new Target(c, cached)).toArray(Target[]::new);
    this.only = targets.length == 1 ? targets[0] : null;
  }

  /** What the fast path knows of one qualification. */
  static final class Target {
    final CompiledQualification compiled;
    final UnitTokens tokens;
    /** Whether some unit number holds a space, so that only semicolons separate a cell's units. */
    final boolean spaced;
    final byte[] code;
    final String codeText;
    final char[] codeChars;
    final SerializedString codeJson;
    final CompiledRule[] rules;
    final String[] ruleIds;
    final SerializedString[] ruleIdsJson;
    final SerializedString[] requirementsJson;
    final int words;
    /** Each rule's least and greatest admitted figure. */
    final long[] min;
    final long[] max;
    /**
     * For a simple qualification, what each unit adds to each rule's figure, {@code [unit * rules +
     * rule]}: there every figure is a sum over the plan's units (a weighted or plain count of the
     * units in a fixed mask, or of the singleton requirements a unit meets), so a record's figures
     * add up as its units are read. Null where figures do not add up so; they are then measured
     * on the plan's bitset.
     */
    final int[] contributions;
    /**
     * The encoded list of failing rules for each combination of failing figures met so far, as the
     * JSON lines and the CSV writers put it: a cohort has few such combinations, and each is then
     * encoded once rather than once a record. Bounded by {@link #cached}.
     */
    final ConcurrentHashMap<Failing, SerializedString> failedJson = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Failing, String> failedCsv = new ConcurrentHashMap<>();
    final int cached;

    Target(Checker checker, int cached) {
      this.cached = cached;
      this.compiled = checker.compiled();
      this.tokens = new UnitTokens(checker.qualification(), compiled);
      this.spaced = checker.qualification().hasSpacedUnitNumbers();
      this.codeText = checker.qualification().code();
      this.codeChars = codeText.toCharArray();
      this.code = codeText.getBytes(StandardCharsets.UTF_8);
      this.codeJson = new SerializedString(codeText);
      this.rules = compiled.rules().toArray(new CompiledRule[0]);
      this.ruleIds = Arrays.stream(rules).map(r -> r.rule().id()).toArray(String[]::new);
      this.ruleIdsJson = Arrays.stream(ruleIds).map(SerializedString::new)
          .toArray(SerializedString[]::new);
      this.requirementsJson = checker.requirements().stream().map(SerializedString::new)
          .toArray(SerializedString[]::new);
      this.words = (compiled.unitCount() + 63) >>> 6;
      this.min = Arrays.stream(rules).mapToLong(CompiledRule::min).toArray();
      this.max = Arrays.stream(rules).mapToLong(CompiledRule::max).toArray();
      this.contributions = additive(compiled) ? contributions(compiled) : null;
    }

    /** Whether every figure is the sum over the plan's units of what each unit alone gives. */
    private static boolean additive(CompiledQualification compiled) {
      if (!compiled.isSimple()) {
        return false;
      }
      for (CompiledRule rule : compiled.rules()) {
        if (rule instanceof CompiledRule.Requirements req) {
          for (int k = 0; k < req.requirementCount(); k++) {
            if (Bits.count(req.requirementUnits(k)) != 1) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** Each unit's figure for each rule, measured on the plan holding that unit alone. */
    private static int[] contributions(CompiledQualification compiled) {
      List<CompiledRule> rules = compiled.rules();
      int n = compiled.unitCount();
      int[] table = new int[n * rules.size()];
      long[] alone = Bits.empty(n);
      for (int u = 0; u < n; u++) {
        Bits.set(alone, u);
        for (int r = 0; r < rules.size(); r++) {
          table[u * rules.size() + r] = Math.toIntExact(rules.get(r).measureSimple(alone));
        }
        Bits.clear(alone, u);
      }
      return table;
    }
  }

  /** How many encoded lists of failing rules a target keeps, for each output format. */
  static final int CACHED = 4096;

  /**
   * Which rules a plan fails and their figures: one entry per rule, the figure where the rule is
   * not met and {@link Long#MIN_VALUE} where it is. What the output says of the rules depends on
   * nothing else.
   */
  static final class Failing {
    final long[] figures;
    private int hash;

    Failing(int rules) {
      this.figures = new long[rules];
    }

    private Failing(long[] figures, int hash) {
      this.figures = figures;
      this.hash = hash;
    }

    /**
     * Keys the figures a plan has under {@code target}'s rules.
     *
     * @return whether every rule admits its figure
     */
    boolean set(Target target, long[] measured) {
      long[] min = target.min;
      long[] max = target.max;
      boolean met = true;
      for (int r = 0; r < figures.length; r++) {
        long f = measured[r];
        boolean admitted = f >= min[r] && f <= max[r];
        met &= admitted;
        figures[r] = admitted ? Long.MIN_VALUE : f;
      }
      rehash();
      return met;
    }

    /** Keys a plan that meets every rule. */
    void setMet() {
      Arrays.fill(figures, Long.MIN_VALUE);
      rehash();
    }

    private void rehash() {
      long h = figures.length;
      for (long f : figures) {
        h = (h + f) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
      }
      h ^= h >>> 33;
      h *= 0xC4CEB9FE1A85EC53L;
      hash = (int) (h ^ (h >>> 33));
    }

    Failing copy() {
      return new Failing(figures.clone(), hash);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Failing f && hash == f.hash && Arrays.equals(figures, f.figures);
    }
  }

  /**
   * One thread's working space, and the record it last checked. A JSON record is read by one
   * non-blocking parser fed line after line, so that a line costs no parser, buffers or symbol
   * table of its own; its texts are copied into one reused character buffer. Close it when done to
   * give the parser's buffers back.
   */
  final class Scratch implements AutoCloseable {
    final int[] cellStart = new int[columns];
    final int[] cellEnd = new int[columns];
    final long[][] bits = new long[targets.length][];
    final long[][] figures = new long[targets.length][];
    final Failing[] failings = new Failing[targets.length];

    /** A JSON record's passed-through fields, in the record's order. */
    final List<String> names = new ArrayList<>();
    /** Where each passed-through field's value is in {@link #text}. */
    int[] valueStart = new int[4];
    int[] valueLength = new int[4];
    /** Where each unit text is in {@link #text}, while the qualification is not yet known. */
    private int[] tokenStart = new int[16];
    private int[] tokenLength = new int[16];
    private int tokenCount;
    /** A JSON record's texts, copied out of the parser's buffer. */
    char[] text = new char[256];
    private int textLength;
    private JsonParser json;
    private ByteArrayFeeder feeder;

    byte[] data;
    long line;
    /** A CSV record's learner, in {@link #data}. */
    int learnerStart;
    int learnerEnd;
    /** A JSON record's learner; null for a CSV record. */
    String learnerText;
    /** Where a JSON record's stripped learner and qualification are in {@link #text}. */
    private int learnerFrom;
    private int learnerLength;
    /** -1 when the record names no qualification. */
    private int codeStart;
    private int codeLength;
    Target target;
    boolean met;
    Failing failing;

    Scratch() {
      for (int t = 0; t < targets.length; t++) {
        bits[t] = new long[targets[t].words];
        figures[t] = new long[targets[t].rules.length];
        failings[t] = new Failing(targets[t].rules.length);
      }
    }

    /** The parser, fed {@code b[start, end)}: the one kept, or a new one. */
    private JsonParser feed(byte[] b, int start, int end) throws IOException {
      if (json == null) {
        json = JSON.createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder) json.getNonBlockingInputFeeder();
      }
      feeder.feedInput(b, start, end);
      return json;
    }

    /**
     * Keeps the parser for the next line if it has read the line fed to it as exactly one value,
     * up to its last byte; otherwise drops it, since it is then inside a value or holds bytes it
     * has not read. What is left of the line is read first, so a record the fast path turned away
     * part way still leaves the parser ready.
     */
    private void settle() {
      JsonParser p = json;
      if (p == null) {
        return;
      }
      try {
        JsonToken t = p.currentToken();
        while (!((t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)
            && p.getParsingContext().inRoot())) {
          if (t == JsonToken.NOT_AVAILABLE) {
            drop();
            return;
          }
          t = p.nextToken();
          if (t == null) {
            drop();
            return;
          }
        }
        if (!feeder.needMoreInput()) {
          drop();
        }
      } catch (IOException e) {
        drop();
      }
    }

    private void drop() {
      if (json != null) {
        try {
          json.close();
        } catch (IOException e) {
          // nothing is held that closing could lose
        }
        json = null;
        feeder = null;
      }
    }

    /** Copies the current text token into {@link #text}; returns where it starts. */
    private int copyText(JsonParser p) throws IOException {
      int length = p.getTextLength();
      if (textLength + length > text.length) {
        text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
      }
      System.arraycopy(p.getTextCharacters(), p.getTextOffset(), text, textLength, length);
      int at = textLength;
      textLength += length;
      return at;
    }

    private void addValue(String name, int start, int length) {
      int k = names.size();
      if (k == valueStart.length) {
        valueStart = Arrays.copyOf(valueStart, k * 2);
        valueLength = Arrays.copyOf(valueLength, k * 2);
      }
      names.add(name);
      valueStart[k] = start;
      valueLength[k] = length;
    }

    private void addToken(int start, int length) {
      if (tokenCount == tokenStart.length) {
        tokenStart = Arrays.copyOf(tokenStart, tokenCount * 2);
        tokenLength = Arrays.copyOf(tokenLength, tokenCount * 2);
      }
      tokenStart[tokenCount] = start;
      tokenLength[tokenCount++] = length;
    }

    @Override
    public void close() {
      drop();
    }
  }

  Scratch scratch() {
    return new Scratch();
  }

  int[] passthrough() {
    return passthrough;
  }

  SerializedString[] passthroughNames() {
    return passthroughNames;
  }

  /**
   * Parses and checks line {@code line}, held in {@code b[start, end)} without its line end, into
   * {@code s}; false when the record is not one the fast path takes.
   */
  boolean check(byte[] b, int start, int end, long line, Scratch s) {
    int[] cs = s.cellStart;
    int[] ce = s.cellEnd;
    int cell = 0;
    int from = start;
    int last = columns - 1;
    for (int i = start; i < end; i++) {
      byte kind = KIND[b[i] & 0xff];
      if (kind != PLAIN) {
        if (kind != COMMA || cell == last) {
          return false;
        }
        cs[cell] = from;
        ce[cell++] = i;
        from = i + 1;
      }
    }
    if (cell != last) {
      return false;
    }
    cs[cell] = from;
    ce[cell] = end;

    int ls = cs[learner];
    int le = ce[learner];
    while (ls < le && b[ls] == ' ') {
      ls++;
    }
    while (le > ls && b[le - 1] == ' ') {
      le--;
    }
    if (ls == le) {
      return false;
    }
    int t = target(b, s);
    if (t < 0) {
      return false;
    }
    Target target = targets[t];
    UnitTokens tokens = target.tokens;
    start(target, t, s);
    boolean any = false;
    int ue = ce[units];
    int i = cs[units];
    // Spaces separate units, as semicolons do, unless some unit number holds a space; then a
    // unit runs to the next semicolon, without the spaces around it.
    byte space = target.spaced ? (byte) ';' : (byte) ' ';
    while (true) {
      while (i < ue && (b[i] == ' ' || b[i] == ';')) {
        i++;
      }
      if (i == ue) {
        break;
      }
      int ts = i;
      long packed = 0;
      byte x;
      while (i < ue && (x = b[i]) != space && x != ';') {
        if (i - ts < 8) {
          packed = (packed << 8) | x;
        }
        i++;
      }
      int te = i;
      if (target.spaced && b[te - 1] == ' ') {
        while (b[te - 1] == ' ') {
          te--;
        }
        packed = UnitTokens.pack(b, ts, te);
      }
      if (!add(tokens.find(packed, b, ts, te), target, t, s)) {
        return false;
      }
      any = true;
    }
    if (!any) {
      return false;
    }
    s.data = b;
    s.learnerStart = ls;
    s.learnerEnd = le;
    s.learnerText = null;
    return finish(target, t, line, s);
  }

  /**
   * Parses and checks line {@code line} of JSON lines, held in {@code b[start, end)}, into {@code
   * s}; false when the record is not one the fast path takes.
   */
  boolean checkJson(byte[] b, int start, int end, long line, Scratch s) {
    for (int i = start; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    int last = end;
    while (last > start && (b[last - 1] == ' ' || b[last - 1] == '\t')) {
      last--;
    }
    // The record is one object, so the line ends with its brace; the parser is fed up to there and
    // must have read it all when the object closes.
    if (last == start || b[last - 1] != '}') {
      return false;
    }
    s.names.clear();
    s.tokenCount = 0;
    s.textLength = 0;
    boolean taken;
    try {
      taken = readJson(s.feed(b, start, last), s);
    } catch (IOException e) {
      taken = false;
    }
    s.settle();
    if (!taken) {
      return false;
    }
    int t = s.codeStart < 0 ? (only == null ? -1 : 0) : targetOf(s.text, s.codeStart, s.codeLength);
    if (t < 0) {
      return false;
    }
    Target target = targets[t];
    if (only == null) {
      start(target, t, s);
      for (int k = 0; k < s.tokenCount; k++) {
        if (!add(target.tokens.find(s.text, s.tokenStart[k], s.tokenLength[k]), target, t, s)) {
          return false;
        }
      }
    }
    s.data = b;
    s.learnerText = new String(s.text, s.learnerFrom, s.learnerLength);
    return finish(target, t, line, s);
  }

  /**
   * Reads the record the parser has been fed: its learner, qualification and passed-through fields
   * into {@code s}, and its units (resolved as they are read when there is one qualification); false
   * when it is not a flat object of text fields with one list of known units, each given once.
   */
  private boolean readJson(JsonParser p, Scratch s) throws IOException {
    boolean sawUnits = false;
    boolean sawLearner = false;
    boolean sawCode = false;
    int unitCount = 0;
    s.codeStart = -1;
    // With one qualification the units resolve as they are read; with several, once it is known.
    Target early = only;
    if (early != null) {
      start(early, 0, s);
    }
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (RecordParser.JsonLines.RECORD_FIELDS.contains(name)) {
        return false; // a learner record, which only the general path reads
      }
      if (name.equals("units")) {
        if (value != JsonToken.START_ARRAY || sawUnits) {
          return false;
        }
        while (p.nextToken() == JsonToken.VALUE_STRING) {
          if (early == null) {
            s.addToken(s.copyText(p), p.getTextLength());
          } else if (!add(early.tokens.find(p.getTextCharacters(), p.getTextOffset(),
              p.getTextLength()), early, 0, s)) {
            return false;
          }
          unitCount++;
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
          return false;
        }
        sawUnits = true;
      } else if (name.equals("learner") ? sawLearner
          : name.equals("qualification") ? sawCode : s.names.contains(name)) {
        return false; // a repeated field, which the general path reads as its last value
      } else if (name.equals("qualification") && value == JsonToken.VALUE_NULL) {
        sawCode = true;
        s.codeStart = -1;
      } else if (value != JsonToken.VALUE_STRING) {
        return false;
      } else if (name.equals("learner") || name.equals("qualification")) {
        int from = s.copyText(p);
        int to = from + p.getTextLength();
        while (from < to && Character.isWhitespace(s.text[from])) {
          from++;
        }
        while (to > from && Character.isWhitespace(s.text[to - 1])) {
          to--;
        }
        if (name.equals("learner")) {
          sawLearner = true;
          s.learnerFrom = from;
          s.learnerLength = to - from;
        } else {
          sawCode = true;
          s.codeStart = from;
          s.codeLength = to - from;
        }
      } else {
        s.addValue(name, s.copyText(p), p.getTextLength());
      }
    }
    // The object must close on the line's last byte: nothing may follow it.
    if (p.currentToken() != JsonToken.END_OBJECT || !p.getParsingContext().inRoot()
        || !s.feeder.needMoreInput()) {
      return false;
    }
    return sawLearner && s.learnerLength > 0 && sawUnits && unitCount > 0;
  }

  /** The index of the target whose code is {@code chars[start, start + length)}, or -1. */
  private int targetOf(char[] chars, int start, int length) {
    for (int t = 0; t < targets.length; t++) {
      char[] code = targets[t].codeChars;
      if (Arrays.equals(code, 0, code.length, chars, start, start + length)) {
        return t;
      }
    }
    return -1;
  }

  /** Starts reading a plan under {@code target}, the {@code t}th. */
  private static void start(Target target, int t, Scratch s) {
    Arrays.fill(s.bits[t], 0);
    if (target.contributions != null) {
      Arrays.fill(s.figures[t], 0);
    }
  }

  /** Adds unit {@code u} to the plan being read; false if it is unknown (-1) or given already. */
  private static boolean add(int u, Target target, int t, Scratch s) {
    if (u < 0) {
      return false;
    }
    long[] bits = s.bits[t];
    long bit = 1L << u;
    if ((bits[u >>> 6] & bit) != 0) {
      return false;
    }
    bits[u >>> 6] |= bit;
    int[] add = target.contributions;
    if (add != null) {
      long[] figures = s.figures[t];
      int rules = figures.length;
      for (int r = 0, k = u * rules; r < rules; r++, k++) {
        figures[r] += add[k];
      }
    }
    return true;
  }

  /**
   * Checks the plan read and records the verdict and the failing rules in {@code s}; false, leaving
   * the record to the general path, when the verdict is undecided.
   */
  private static boolean finish(Target target, int t, long line, Scratch s) {
    long[] bits = s.bits[t];
    long[] figures = s.figures[t];
    Failing failing = s.failings[t];
    boolean met;
    CompiledQualification compiled = target.compiled;
    if (target.contributions != null) {
      met = failing.set(target, figures);
    } else if (compiled.isSimple()) {
      CompiledRule[] rules = target.rules;
      for (int r = 0; r < rules.length; r++) {
        figures[r] = rules[r].measureSimple(bits);
      }
      met = failing.set(target, figures);
    } else {
      Verdict verdict = compiled.verdict(bits);
      if (verdict == Verdict.UNDECIDED) {
        return false;
      }
      met = verdict == Verdict.MET;
      if (met) {
        failing.setMet();
      } else {
        failing.set(target, compiled.search(bits).figures());
      }
    }
    s.line = line;
    s.target = target;
    s.met = met;
    s.failing = failing;
    return true;
  }

  private static final byte PLAIN = 0;
  private static final byte COMMA = 1;
  private static final byte OTHER = 2;

  /**
   * What each byte is to the fast path: printable ASCII other than a quote is plain, a comma
   * separates fields, and anything else (quotes, control characters, tabs, non-ASCII) sends the
   * record to the general path.
   */
  private static final byte[] KIND = new byte[256];

  static {
    Arrays.fill(KIND, OTHER);
    for (int c = ' '; c < 0x7f; c++) {
      KIND[c] = PLAIN;
    }
    KIND['"'] = OTHER;
    KIND[','] = COMMA;
  }

  /** The index of the target the record names, or -1 if the general path must answer. */
  private int target(byte[] b, Scratch s) {
    if (qualification < 0) {
      return only == null ? -1 : 0;
    }
    int qs = s.cellStart[qualification];
    int qe = s.cellEnd[qualification];
    while (qs < qe && b[qs] == ' ') {
      qs++;
    }
    while (qe > qs && b[qe - 1] == ' ') {
      qe--;
    }
    if (qs == qe) {
      return only == null ? -1 : 0;
    }
    for (int t = 0; t < targets.length; t++) {
      byte[] code = targets[t].code;
      if (Arrays.equals(code, 0, code.length, b, qs, qe)) {
        return t;
      }
    }
    return -1;
  }
}
