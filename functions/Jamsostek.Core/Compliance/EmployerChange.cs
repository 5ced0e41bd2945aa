namespace Jamsostek.Core.Compliance;

/// <summary>How an employer's arrears moved since the previous snapshot of its region.</summary>
public enum EmployerChange
{
    /// <summary>No previous snapshot to compare with, or nothing owed then or now.</summary>
    None,

    /// <summary>Owes now; owed nothing in the previous snapshot or was not listed in it.</summary>
    NewlyInArrears,

    /// <summary>Owes more than before.</summary>
    AmountUp,

    /// <summary>Owes less than before, but still owes.</summary>
    AmountDown,

    /// <summary>Owes the same as before.</summary>
    Unchanged,

    /// <summary>Owed in the previous snapshot, owes nothing now.</summary>
    PaidOff,

    /// <summary>In the previous snapshot, missing from this one (closed, moved, or left out: not deleted).</summary>
    NoLongerListed,
}

public static class EmployerChanges
{
    /// <summary>The stable code reports carry ("newly_in_arrears", "paid_off", ...).</summary>
    public static string Code(EmployerChange change) => change switch
    {
        EmployerChange.NewlyInArrears => "newly_in_arrears",
        EmployerChange.AmountUp => "amount_up",
        EmployerChange.AmountDown => "amount_down",
        EmployerChange.Unchanged => "unchanged",
        EmployerChange.PaidOff => "paid_off",
        EmployerChange.NoLongerListed => "no_longer_listed",
        _ => "none",
    };

    public static string Label(EmployerChange change, Templates.Language language) => change switch
    {
        EmployerChange.NewlyInArrears => language == Templates.Language.En ? "newly in arrears" : "baru menunggak",
        EmployerChange.AmountUp => language == Templates.Language.En ? "owes more" : "tunggakan naik",
        EmployerChange.AmountDown => language == Templates.Language.En ? "owes less" : "tunggakan turun",
        EmployerChange.Unchanged => language == Templates.Language.En ? "unchanged" : "tetap",
        EmployerChange.PaidOff => language == Templates.Language.En ? "paid off" : "lunas",
        EmployerChange.NoLongerListed => language == Templates.Language.En ? "no longer listed" : "tidak tercantum lagi",
        _ => "",
    };
}
