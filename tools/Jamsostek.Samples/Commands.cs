using System.Globalization;
using System.Reflection;

namespace Jamsostek.Samples;

internal static class Commands
{
    public const string Usage =
        "Usage: samples [--out <folder>]    writes the example sheets (default: the repository's samples/)\n" +
        "       --rows <n> --region <code> --format xlsx|xls|csv --out <file> [--seed <n>]\n" +
        "             [--kind enrolments|compliance] [--data-date yyyy-mm-dd]\n" +
        "                                   writes a valid synthetic enrolment sheet of n rows (workers), or a compliance\n" +
        "                                   sheet of n employers dated --data-date (default 2026-10-31)";

    /// <summary>Writes every sample file below the folder (its README is left alone) and says what is in each.</summary>
    public static int WriteSamples(CommandLine options, TextWriter output)
    {
        options.AllowOnly("out");
        var folder = Path.GetFullPath(options.Optional("out") ?? Path.Combine(RepositoryRoot(), "samples"));
        output.WriteLine($"Writing {SampleCatalog.All.Count} sample files to {folder}");
        foreach (var sample in SampleCatalog.All)
        {
            var path = Path.Combine(folder, sample.Region, sample.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = File.Create(path))
            {
                sample.Write(file);
            }
            var counts = $"{sample.Rows} {(sample.Rows == 1 ? "row" : "rows")}" + (sample.BlankRows.Count > 0 ? $", {sample.BlankRows.Count} blank" : "");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {sample.RelativePath,-48} {sample.Kind,-10} {counts,-18} {new FileInfo(path).Length / 1024.0,5:0.0} KB"));
            foreach (var row in sample.BlankRows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      row {row,-4} blank: counted apart, not read"));
            }
            foreach (var finding in sample.Findings)
            {
                var code = finding.IsWarning ? $"{finding.Code} (w)" : finding.Code;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"      row {finding.Row,-4} {finding.Cell,-5} {code,-24} {finding.Typed,-18} {finding.Why}"));
            }
        }
        return 0;
    }

    public static int WriteSyntheticSheet(CommandLine options, TextWriter output)
    {
        options.AllowOnly("rows", "region", "format", "out", "seed", "kind", "data-date");
        var rows = options.Number("rows");
        var region = options.Required("region");
        var format = options.Required("format").ToLowerInvariant() switch
        {
            "xlsx" => SheetFormat.Xlsx,
            "xls" => SheetFormat.Xls,
            "csv" => SheetFormat.Csv,
            var other => throw new CommandLineException($"--format is xlsx, xls or csv, not '{other}'."),
        };
        var kind = (options.Optional("kind") ?? SampleCatalog.Enrolments).ToLowerInvariant() switch
        {
            SampleCatalog.Enrolments or "peserta" => SampleCatalog.Enrolments,
            SampleCatalog.Compliance or "kepatuhan" => SampleCatalog.Compliance,
            var other => throw new CommandLineException($"--kind is enrolments or compliance, not '{other}'."),
        };
        var dataDate = SampleCatalog.ComplianceDataDate;
        if (options.Optional("data-date") is { } typedDate)
        {
            if (kind != SampleCatalog.Compliance)
            {
                throw new CommandLineException("--data-date dates a compliance sheet (--kind compliance).");
            }
            if (!DateOnly.TryParseExact(typedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dataDate))
            {
                throw new CommandLineException($"--data-date takes a date such as 2026-10-31, not '{typedDate}'.");
            }
        }
        var path = Path.GetFullPath(options.Required("out"));
        var seed = options.Number("seed", fallback: 1);
        SampleAgreement pks;
        try
        {
            pks = SampleAgreements.For(region);
        }
        catch (ArgumentException)
        {
            throw new CommandLineException($"--region takes a 4-digit region code such as 5204 or 52.04, not '{region}'.");
        }
        var maxXlsRows = kind == SampleCatalog.Compliance ? SyntheticSheet.MaxXlsComplianceRows : SyntheticSheet.MaxXlsRows;
        if (format == SheetFormat.Xls && rows > maxXlsRows)
        {
            throw new CommandLineException($"An .xls sheet holds at most {maxXlsRows:N0} rows below its header; use xlsx or csv.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            if (kind == SampleCatalog.Compliance)
            {
                SyntheticSheet.WriteCompliance(file, rows, region, format, dataDate, seed);
            }
            else
            {
                SyntheticSheet.Write(file, rows, region, format, seed);
            }
        }
        output.WriteLine(kind == SampleCatalog.Compliance
            ? string.Create(CultureInfo.InvariantCulture,
                $"Wrote {rows:N0} employers of {pks.Regency.Code} (Tanggal Data {dataDate:dd/MM/yyyy}) to {path} ({new FileInfo(path).Length:N0} bytes)")
            : string.Create(CultureInfo.InvariantCulture,
                $"Wrote {rows:N0} enrolment rows for {pks.Regency.Code} ({pks.Number}, {pks.Start:dd/MM/yyyy}-{pks.End:dd/MM/yyyy}) to {path} ({new FileInfo(path).Length:N0} bytes)"));
        return 0;
    }

    private static string RepositoryRoot() =>
        typeof(Commands).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "JamsostekRepositoryRoot")?.Value
        ?? throw new InvalidOperationException("Assembly metadata JamsostekRepositoryRoot is missing; build through the project file.");
}
