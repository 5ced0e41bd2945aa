using Jamsostek.Samples;

// dotnet run --project tools/Jamsostek.Samples -- samples [--out <folder>]
// dotnet run --project tools/Jamsostek.Samples -- --rows <n> --region <code> --format xlsx|xls|csv --out <file> [--seed <n>]
//     [--kind enrolments|compliance] [--data-date yyyy-mm-dd]
try
{
    return args is ["samples", .. var rest]
        ? Commands.WriteSamples(CommandLine.Parse(rest), Console.Out)
        : Commands.WriteSyntheticSheet(CommandLine.Parse(args), Console.Out);
}
catch (CommandLineException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Commands.Usage);
    return 2;
}
