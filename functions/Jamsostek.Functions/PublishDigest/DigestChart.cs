using Jamsostek.Core.Digest;
using ScottPlot;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// The digest's chart as a PNG: for the region and each segment, a bar of workers covered beside a bar of the target,
/// each labelled with its number. Drawn at twice the size it is shown (568 px wide in the email), for phone screens.
/// </summary>
public static class DigestChart
{
    public const int Width = 568;
    public const int Height = 300;

    private static readonly Color Covered = Color.FromHex("#0B6B3A");
    private static readonly Color Target = Color.FromHex("#B8C4CF");

    public static byte[] RenderPng(DigestChartData data, Func<int, string> formatNumber)
    {
        var plot = new Plot { ScaleFactor = 2 };
        plot.Font.Set("DejaVu Sans");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var group = 0; group < data.Labels.Count; group++)
        {
            // Each group takes three units: its two bars and a gap.
            var position = group * 3.0;
            bars.Add(new Bar { Position = position, Value = data.Active[group], FillColor = Covered, LineWidth = 0, Label = formatNumber(data.Active[group]) });
            if (data.Target[group] is { } target)
            {
                bars.Add(new Bar { Position = position + 1, Value = target, FillColor = Target, LineWidth = 0, Label = formatNumber(target) });
            }
            ticks.Add(new Tick(data.Target[group] is null ? position : position + 0.5, data.Labels[group]));
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value == Math.Floor(value) ? formatNumber((int)value) : "",
            IntegerTicksOnly = true,
        };
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        // Room above the tallest bar for its label and the legend; an empty region still gets a readable axis.
        var tallest = Math.Max(10, bars.Max(bar => bar.Value));
        plot.Axes.SetLimits(-1, (data.Labels.Count * 3) - 1, 0, tallest * 1.35);
        plot.Title(data.Title, size: 14);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = data.ActiveLabel, FillColor = Covered });
        if (data.Target.Any(t => t is not null))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = data.TargetLabel, FillColor = Target });
        }
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.FontSize = 11;
        plot.ShowLegend();
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    /// <summary>Shown height of the compliance chart (40 more with slanted dates): smaller, it is one figure over time.</summary>
    public const int OwedHeight = 220;

    private static readonly Color OwedLatest = Color.FromHex("#B9770E");
    private static readonly Color OwedEarlier = Color.FromHex("#E8C99A");

    /// <summary>
    /// The compliance section's chart as a PNG: a bar of the total owed at each snapshot, oldest first, the latest
    /// darker and labelled with its amount (the axis gives the rest).
    /// </summary>
    public static byte[] RenderOwedPng(ComplianceChartData data, Func<decimal, string> formatAmount)
    {
        var plot = new Plot { ScaleFactor = 2 };
        plot.Font.Set("DejaVu Sans");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var index = 0; index < data.Labels.Count; index++)
        {
            var latest = index == data.Labels.Count - 1;
            bars.Add(new Bar
            {
                Position = index,
                Value = (double)data.OwedIdr[index],
                FillColor = latest ? OwedLatest : OwedEarlier,
                LineWidth = 0,
                Label = latest ? formatAmount(data.OwedIdr[index]) : "",
            });
            ticks.Add(new Tick(index, data.Labels[index]));
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 11;
        series.ValueLabelStyle.Bold = true;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        var crowded = data.Labels.Count * data.Labels.Max(label => label.Length) > 60;
        if (crowded)
        {
            // Twelve weekly dates do not fit side by side on a phone-wide chart: slanted, each stays readable.
            plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
            plot.Axes.Bottom.MinimumSize = 60;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => formatAmount((decimal)value),
            TargetTickCount = 4,
        };
        plot.Axes.Left.TickLabelStyle.FontSize = 9;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        // Room above the tallest bar for the latest one's label (nothing owed still gets a readable axis),
        var tallest = Math.Max(1_000_000, bars.Max(bar => bar.Value));
        // and room to the right for that label when the bars are narrower than it.
        plot.Axes.SetLimits(-0.6, data.Labels.Count - 0.4 + (data.Labels.Count > 6 ? 0.6 : 0), 0, tallest * 1.25);
        plot.Title(data.Title, size: 13);
        return plot.GetImageBytes(Width * 2, (OwedHeight + (crowded ? 40 : 0)) * 2, ImageFormat.Png);
    }
}
