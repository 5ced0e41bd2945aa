using Jamsostek.Benchmarks;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var figures = await BenchmarkRun.RunAsync(options, Console.Out);
figures.WriteTable(Console.Out);
if (options.JsonPath is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, figures.ToJson());
    Console.WriteLine($"Figures written to {path}");
}
return 0;
