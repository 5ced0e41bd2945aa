namespace Jamsostek.Functions.CustomHandler;

/// <summary>The timer trigger's value: its schedule status as kept by the host's monitor.</summary>
public sealed record TimerInfo(TimerScheduleStatus? ScheduleStatus, bool IsPastDue);

/// <summary>
/// <c>Last</c>: the previous occurrence that ran; <c>Next</c>: the occurrence being run now (as the
/// monitor stored it before this run); <c>LastUpdated</c>: when the monitor last wrote the status.
/// </summary>
public sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
