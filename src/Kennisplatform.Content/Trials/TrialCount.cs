namespace Kennisplatform.Content.Trials;

/// <summary>How often an item was tried, by result: "7 keer geprobeerd: 4 geslaagd, 2 deels, 1 mislukt".</summary>
public sealed record TrialCount(int Succeeded, int Partly, int Failed)
{
    public static readonly TrialCount None = new(0, 0, 0);

    public int Total => Succeeded + Partly + Failed;

    /// <summary>Counts the published reports among <paramref name="reports"/>; waiting and rejected ones never count.</summary>
    public static TrialCount Of(IEnumerable<TrialReport> reports)
    {
        int succeeded = 0, partly = 0, failed = 0;
        foreach (var report in reports.Where(r => r.IsPublic))
        {
            switch (report.Result)
            {
                case TrialResult.Succeeded: succeeded++; break;
                case TrialResult.Partly: partly++; break;
                case TrialResult.Failed: failed++; break;
            }
        }
        return new(succeeded, partly, failed);
    }

    /// <summary>"7 keer geprobeerd: 4 geslaagd, 2 deels, 1 mislukt"; results nobody reported are left out.</summary>
    public string Label
    {
        get
        {
            if (Total == 0)
                return "Nog niet door anderen geprobeerd";
            var parts = new[] { (Succeeded, "geslaagd"), (Partly, "deels"), (Failed, "mislukt") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
            return $"{Total} keer geprobeerd: {string.Join(", ", parts)}";
        }
    }
}
