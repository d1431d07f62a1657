package org.qualcheck.cli.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    final byte[] code;
    final String codeText;
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
      this.codeText = checker.qualification().code();
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

  /** One thread's working space, and the record it last checked. */
  final class Scratch {
    final int[] cellStart = new int[columns];
    final int[] cellEnd = new int[columns];
    final long[][] bits = new long[targets.length][];
    final long[][] figures = new long[targets.length][];
    final Failing[] failings = new Failing[targets.length];

    /** A JSON record's passed-through fields, in the record's order, and its unit texts. */
    final List<String> names = new ArrayList<>();
    final List<String> values = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();

    byte[] data;
    long line;
    /** A CSV record's learner, in {@link #data}. */
    int learnerStart;
    int learnerEnd;
    /** A JSON record's learner; null for a CSV record. */
    String learnerText;
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
      while (i < ue && (x = b[i]) != ' ' && x != ';') {
        if (i - ts < 8) {
          packed = (packed << 8) | x;
        }
        i++;
      }
      if (!add(tokens.find(packed, b, ts, i), target, t, s)) {
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
    s.names.clear();
    s.values.clear();
    s.tokens.clear();
    String who = null;
    String code = null;
    boolean sawUnits = false;
    boolean sawLearner = false;
    boolean sawCode = false;
    int unitCount = 0;
    // With one qualification the units resolve as they are read; with several, once it is known.
    Target early = only;
    if (early != null) {
      start(early, 0, s);
    }
    try (JsonParser p = JSON.createParser(b, start, end - start)) {
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
              s.tokens.add(p.getText());
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
          code = null;
        } else if (value != JsonToken.VALUE_STRING) {
          return false;
        } else if (name.equals("learner")) {
          sawLearner = true;
          who = p.getText().strip();
        } else if (name.equals("qualification")) {
          sawCode = true;
          code = p.getText().strip();
        } else {
          s.names.add(name);
          s.values.add(p.getText());
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    if (who == null || who.isEmpty() || !sawUnits || unitCount == 0) {
      return false;
    }
    int t = code == null ? (only == null ? -1 : 0) : targetOf(code);
    if (t < 0) {
      return false;
    }
    Target target = targets[t];
    if (early == null) {
      start(target, t, s);
      for (String token : s.tokens) {
        if (!add(target.tokens.find(token), target, t, s)) {
          return false;
        }
      }
    }
    s.data = b;
    s.learnerText = who;
    return finish(target, t, line, s);
  }

  private int targetOf(String code) {
    for (int t = 0; t < targets.length; t++) {
      if (targets[t].codeText.equals(code)) {
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
