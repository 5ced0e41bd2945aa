using System.Text;
using System.Text.RegularExpressions;
using Jamsostek.LocalHost.Samples;

namespace Jamsostek.Deploy.Tests;

/// <summary>
/// The documents (README.md, docs/*.md) against the code they describe, without starting anything: every function,
/// route and validation code the app declares is documented; every project path a command names exists; every
/// relative link resolves; no stale text; README's sample output has the shape of what the start command prints.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly string[] ForbiddenText = ["once it exists", "../shared", "/work/"];

    /// <summary>The declared codes: findings, our own value codes, the staged region parse error, failure codes.</summary>
    private static readonly string[] CodeFiles =
    [
        "functions/Jamsostek.Core/Findings/FindingCode.cs",
        "functions/Jamsostek.Core/Values/ValueCodes.cs",
        "functions/Jamsostek.Core/Values/FieldValues.cs",
        "functions/Jamsostek.Functions/Uploads/UploadFailure.cs",
    ];

    /// <summary>Lines the start command always prints on a first start with the dev services, in README's block.</summary>
    private static readonly string[] RequiredOutputLines =
    [
        "Starting the local system", "Jamsostek Functions is running locally.", "  Health ", "  API base ", "  Portal ",
        "  Admin ", "  Functions ", "  Storage ", "  Mail ", "  Log ", "Samples ", "Recipients ", "Digest ",
        "Press Ctrl+C to stop everything.",
    ];

    [Fact]
    public void EveryFunctionTheAppDeclaresIsInTheArchitecturePagesFunctionTable()
    {
        var table = TableAfterHeading(Page("docs/architecture.md"), "### Functions");
        var documented = table.Select(row => Regex.Match(row.Split('|')[1], "`([A-Za-z]+)`").Groups[1].Value).ToHashSet();

        var missing = DeclaredFunctions().Where(name => !documented.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"docs/architecture.md's function table (### Functions) lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryValidationCodeIsOnTheValidationPage()
    {
        var page = Page("docs/validation.md");
        var codes = CodeFiles
            .SelectMany(file => Regex.Matches(File.ReadAllText(Repo(file)), @"const string \w+ = ""([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)""")
                .Select(match => match.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.True(codes.Count >= 40, $"only {codes.Count} codes read from {string.Join(", ", CodeFiles)}: has a file moved?");

        var missing = codes.Where(code => !page.Contains($"`{code}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"docs/validation.md lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryRouteTheAppDeclaresIsOnTheApiPage()
    {
        var page = Page("docs/api.md");
        var routes = FunctionApp.Bindings(Paths.FunctionApp).Where(binding => binding.IsType("httpTrigger"))
            .Select(binding => binding.Route ?? binding.Function)
            .ToList();
        // functions.metadata is the build's; the source is what the build must follow (a stale build shows here).
        var declared = SourceFiles("functions/Jamsostek.Functions")
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"Route\s*=\s*""([^""]+)""").Select(match => match.Groups[1].Value));
        Assert.Equal(declared.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));

        var missing = routes
            .Where(route => !Regex.IsMatch(page, $@"(?<![\w/{{}}*]){Regex.Escape("/" + route)}(?=[?\s`|)]|$)", RegexOptions.Multiline))
            .ToList();

        Assert.True(missing.Count == 0, $"docs/api.md lacks the routes: {string.Join(", ", missing.Select(r => "/" + r))}");
    }

    [Fact]
    public void EveryProjectPathACommandNamesExists()
    {
        var missing = new List<string>();
        foreach (var (file, text) in Pages())
        {
            foreach (var block in FencedBlocks(text).Where(block => block.Language is "bash" or "sh" or "shell"))
            {
                foreach (var line in block.Lines)
                {
                    foreach (var path in PathsIn(line).Where(path => !File.Exists(Repo(path)) && !Directory.Exists(Repo(path))))
                    {
                        missing.Add($"{file}: {path} in `{line.Trim()}`");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "commands name paths that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void NoPageHoldsStaleTextOrPointsOutsideTheRepository()
    {
        var found = Pages()
            .SelectMany(page => page.Text.Split('\n').Select((line, index) => (page.File, Line: index + 1, Text: line)))
            .SelectMany(line => ForbiddenText.Where(text => line.Text.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(text => $"{line.File}:{line.Line}: \"{text}\" in {line.Text.Trim()}"))
            .ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void EveryRelativeLinkResolvesToAFileAndHeadingInTheRepository()
    {
        var broken = new List<string>();
        foreach (var (file, text) in Pages())
        {
            var folder = Path.GetDirectoryName(Repo(file))!;
            foreach (Match link in Regex.Matches(OutsideFences(text), @"\]\(([^)\s]+)\)"))
            {
                var target = link.Groups[1].Value;
                if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase))
                {
                    continue;
                }
                var (path, anchor) = target.Split('#', 2) is [var p, var a] ? (p, a) : (target, null);
                var full = path.Length == 0 ? Repo(file) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
                if (!full.StartsWith(Path.GetFullPath(Paths.Root), StringComparison.Ordinal))
                {
                    broken.Add($"{file}: {target} leaves the repository");
                }
                else if (!File.Exists(full) && !Directory.Exists(full))
                {
                    broken.Add($"{file}: {target} does not exist");
                }
                else if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(full)).Contains(anchor))
                {
                    broken.Add($"{file}: {target} names no heading of {Path.GetRelativePath(Paths.Root, full)}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    /// <summary>
    /// README's sample output against the start command's code: every line matches a line the code writes (its
    /// format strings, holes as wildcards) or, for a sample's lines, what <see cref="SampleOutcome.Describe"/> renders
    /// for some outcome with numbers, ids, file names and codes wildcarded; every sample has its line; the lines
    /// always printed are there; the Functions line names exactly the app's functions.
    /// </summary>
    [Fact]
    public void ReadmeSampleOutputHasTheShapeOfWhatTheStartCommandPrints()
    {
        var block = FencedBlocks(Page("README.md")).FirstOrDefault(b => b.Lines.FirstOrDefault()?.StartsWith("Starting the local system", StringComparison.Ordinal) == true)
            ?? throw new Xunit.Sdk.XunitException("README.md has no code block starting with the start command's first line (\"Starting the local system\").");
        var formats = StartCommandFormats();
        Assert.True(formats.Count >= 15, $"only {formats.Count} output lines read from functions/Jamsostek.LocalHost: has its printing moved?");
        var sampleShapes = RenderedSampleShapes();

        var problems = new List<string>();
        foreach (var line in block.Lines)
        {
            if (IsSampleLine(line))
            {
                if (!sampleShapes.Contains(Shape(line)))
                {
                    problems.Add($"no outcome SampleOutcome.Describe renders has the shape of: {line}\n  (shape {Shape(line)})");
                }
            }
            else if (!formats.Any(format => format.IsMatch(line)))
            {
                problems.Add($"no line the start command writes has the shape of: {line}");
            }
        }
        problems.AddRange(RequiredOutputLines.Where(start => !block.Lines.Any(line => line.StartsWith(start, StringComparison.Ordinal)))
            .Select(start => $"no line starting \"{start}\""));
        var samples = Directory.GetDirectories(Repo("samples"))
            .SelectMany(region => Directory.GetFiles(region).Select(sheet => $"{Path.GetFileName(region)}/{Path.GetFileName(sheet)}"));
        problems.AddRange(samples.Where(sample => !block.Lines.Any(line => line.StartsWith($"  {sample} -> ", StringComparison.Ordinal)))
            .Select(sample => $"no line for the sample {sample}"));
        var functionsLine = block.Lines.FirstOrDefault(line => line.StartsWith("  Functions ", StringComparison.Ordinal));
        if (functionsLine is not null)
        {
            var listed = functionsLine["  Functions ".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!listed.Order(StringComparer.Ordinal).SequenceEqual(DeclaredFunctions().Order(StringComparer.Ordinal)))
            {
                problems.Add($"the Functions line lists {string.Join(", ", listed)}; the app declares {string.Join(", ", DeclaredFunctions().Order(StringComparer.Ordinal))}");
            }
        }

        Assert.True(problems.Count == 0, "README.md's sample output differs from what the start command prints:\n" + string.Join("\n", problems));
    }

    private static bool IsSampleLine(string line) =>
        Regex.IsMatch(line, @"^  \d{4}/\S.* -> ") || line.StartsWith("      findings: ", StringComparison.Ordinal);

    /// <summary>The shapes of what SampleOutcome.Describe writes, for every mix of counts and statuses.</summary>
    private static HashSet<string> RenderedSampleShapes()
    {
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var sheet = new SampleSheet("5204", "peserta-sumbawa-2026.xlsx", "samples/5204/peserta-sumbawa-2026.xlsx");
        (string, int)[] one = [("NIK_FORMAT", 1)], two = [("NIK_FORMAT", 1), ("DATE_FORMAT", 2)];
        foreach (var status in new[] { "completed", "completed_with_errors", "rejected", "failed", "duplicate", "validating", "received" })
        {
            foreach (var uploaded in new[] { true, false })
            {
                foreach (var (rejected, warnings, blank) in
                    from r in new[] { 0, 1, 2 } from w in new[] { 0, 1, 2 } from b in new[] { 0, 1, 2 } select (r, w, b))
                {
                    var outcome = new SampleOutcome(sheet, uploaded, status)
                    {
                        UploadId = "5204-c2bd2d89ba14c435cab9", RowsRead = 10 + rejected, RowsAccepted = 10, RowsRejected = rejected,
                        Warnings = warnings, BlankRows = blank, Errors = rejected == 1 ? one : two, WarningCodes = warnings == 1 ? one : two,
                        RejectionMessage = "Berkas kosong.", FailureReason = "Sebagian berkas tidak dapat divalidasi.",
                        DuplicateOfFile = "5204/peserta-sumbawa-2026.xlsx", DuplicateOfStatus = "completed_with_errors",
                    };
                    shapes.UnionWith(outcome.Describe(TimeSpan.FromSeconds(120)).Select(line => Shape("  " + line)));
                }
            }
        }
        return shapes;
    }

    /// <summary>A sample line with what varies from run to run wildcarded: sheet names, upload ids, codes, numbers, plurals.</summary>
    private static string Shape(string line)
    {
        var shape = Regex.Replace(line, @"\b\d{4}/[^\s/]+\.(?:xlsx|xls|csv)\b", "{sheet}");
        shape = Regex.Replace(shape, @"\b\d{4}-[0-9a-f]{20}(?:-[0-9a-f]{12})?\b", "{uploadId}");
        shape = Regex.Replace(shape, @"\([A-Z][A-Z0-9_]* \d+(?:, [A-Z][A-Z0-9_]* \d+)*\)", "({codes})");
        shape = Regex.Replace(shape, @"\d+", "{n}");
        return Regex.Replace(shape, @"\b(row|warning)s\b", "$1");
    }

    /// <summary>
    /// Every line functions/Jamsostek.LocalHost writes to the console with a string literal, as a regular expression:
    /// the literal text as it is, each interpolation hole as a wildcard, anything concatenated after it as a wildcard.
    /// </summary>
    private static List<Regex> StartCommandFormats()
    {
        var formats = new List<Regex>();
        foreach (var file in SourceFiles("functions/Jamsostek.LocalHost"))
        {
            var source = File.ReadAllText(file);
            if (source.Contains("WriteLine()", StringComparison.Ordinal))
            {
                formats.Add(new Regex("^$"));
            }
            foreach (Match call in Regex.Matches(source, @"WriteLine\(\s*(?=\$?"")"))
            {
                var at = call.Index + call.Length;
                var pattern = ReadLiteral(source, ref at);
                if (pattern is null)
                {
                    continue;
                }
                while (at < source.Length && char.IsWhiteSpace(source[at]))
                {
                    at++;
                }
                var continues = at < source.Length && source[at] != ')';
                formats.Add(new Regex("^" + pattern + (continues ? ".*" : "") + "$"));
            }
        }
        return formats;
    }

    /// <summary>
    /// Reads a C# string literal ("..." or $"...") at <paramref name="at"/> as a regex: its text escaped, its holes
    /// wildcards. Null for a literal of white space only (a prefix such as "  " + line says nothing of the line).
    /// </summary>
    private static string? ReadLiteral(string source, ref int at)
    {
        var interpolated = source[at] == '$';
        at += interpolated ? 2 : 1;
        var pattern = new StringBuilder();
        var text = new StringBuilder();
        var written = new StringBuilder();
        var holes = 0;
        void Flush()
        {
            pattern.Append(Regex.Escape(text.ToString()));
            written.Append(text);
            text.Clear();
        }
        while (source[at] != '"')
        {
            var c = source[at];
            var doubled = interpolated && (c is '{' or '}') && source[at + 1] == c; // {{ or }}: the brace itself
            if (c == '\\')
            {
                text.Append(source[at + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                at += 2;
            }
            else if (doubled)
            {
                text.Append(c);
                at += 2;
            }
            else if (interpolated && c == '{')
            {
                Flush();
                pattern.Append(".*?");
                holes++;
                at = SkipHole(source, at + 1);
            }
            else
            {
                text.Append(c);
                at++;
            }
        }
        at++;
        Flush();
        return holes == 0 && written.ToString().Trim().Length == 0 ? null : pattern.ToString();
    }

    /// <summary>Past the '}' closing an interpolation hole, skipping nested braces and string literals.</summary>
    private static int SkipHole(string source, int at)
    {
        var depth = 1;
        while (depth > 0)
        {
            switch (source[at])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case '"':
                    at++;
                    while (source[at] != '"')
                    {
                        at += source[at] == '\\' ? 2 : 1;
                    }
                    break;
                case '\'':
                    at += source[at + 1] == '\\' ? 3 : 2;
                    break;
            }
            at++;
        }
        return at;
    }

    /// <summary>The repository paths a command line names: after --project, dotnet test/publish/build, and any functions/, tests/, tools/, infra/ or samples/ path.</summary>
    private static IEnumerable<string> PathsIn(string line)
    {
        var command = Regex.Replace(line, @"(^|\s)#.*$", "");
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Regex.Matches(command, @"(?:--project|dotnet\s+(?:test|publish|build))\s+(?!-)([^\s;|&]+)"))
        {
            paths.Add(match.Groups[1].Value);
        }
        foreach (Match match in Regex.Matches(command, @"(?<![\w/.$-])@?((?:functions|tests|tools|infra|samples)/[\w./-]*)"))
        {
            paths.Add(match.Groups[1].Value);
        }
        return paths.Select(path => path.TrimStart('@').TrimEnd('.', ',', ':', ';', '/')).Where(path => path.Length > 0);
    }

    private static IReadOnlyList<string> DeclaredFunctions()
    {
        var built = FunctionApp.Functions(Paths.FunctionApp).Select(function => function.Name).ToList();
        // [Function("Name")], or [Function(Name)] with a constant of the same file.
        var declared = SourceFiles("functions/Jamsostek.Functions")
            .Select(File.ReadAllText)
            .SelectMany(source => Regex.Matches(source, @"\[Function\((?:""(?<name>[^""]+)""|(?<constant>\w+))\)\]").Select(match =>
                match.Groups["name"].Success
                    ? match.Groups["name"].Value
                    : Regex.Match(source, $@"const string {match.Groups["constant"].Value} = ""([^""]+)""").Groups[1].Value))
            .ToList();
        Assert.Equal(declared.Order(StringComparer.Ordinal), built.Order(StringComparer.Ordinal));
        return built;
    }

    private sealed record FencedBlock(string Language, IReadOnlyList<string> Lines);

    private static IEnumerable<FencedBlock> FencedBlocks(string text)
    {
        string? language = null;
        var lines = new List<string>();
        foreach (var line in text.Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (language is null && line.StartsWith("```", StringComparison.Ordinal))
            {
                language = line[3..].Trim();
                lines = [];
            }
            else if (language is not null && line.StartsWith("```", StringComparison.Ordinal))
            {
                yield return new FencedBlock(language, lines);
                language = null;
            }
            else if (language is not null)
            {
                lines.Add(line);
            }
        }
    }

    private static string OutsideFences(string text)
    {
        var inFence = false;
        var kept = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                kept.Append(line).Append('\n');
            }
        }
        return kept.ToString();
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        [.. OutsideFences(markdown).Split('\n')
            .Where(line => Regex.IsMatch(line, "^#{1,6} "))
            .Select(line => Regex.Replace(line.TrimStart('#').Trim().ToLowerInvariant(), @"[^\p{L}\p{N}\s_-]", "").Replace(' ', '-'))];

    /// <summary>A markdown table's rows (header and separator left out) below the given heading.</summary>
    private static IReadOnlyList<string> TableAfterHeading(string markdown, string heading)
    {
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var start = lines.IndexOf(heading);
        Assert.True(start >= 0, $"no heading \"{heading}\"");
        var table = lines.Skip(start + 1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).ToList();
        Assert.True(table.Count > 2, $"no table below \"{heading}\"");
        return table.Skip(2).ToList();
    }

    private static IEnumerable<(string File, string Text)> Pages() =>
        new[] { "README.md", "samples/README.md" }
            .Concat(Directory.GetFiles(Repo("docs"), "*.md").Select(file => Path.GetRelativePath(Paths.Root, file)))
            .Select(file => (file.Replace('\\', '/'), File.ReadAllText(Repo(file))));

    private static string Page(string file) => File.ReadAllText(Repo(file));

    private static string Repo(string path) => Path.Combine(Paths.Root, path);

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Repo(project), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
