using Jamsostek.Functions.Memory;
using Microsoft.Extensions.Time.Testing;

namespace Jamsostek.Functions.Tests.Memory;

public sealed class InvocationActivityTests
{
    [Fact]
    public void IdleTimeRunsOnTheAppsClockFromTheEndOfTheLastInvocation()
    {
        var clock = new FakeTimeProvider();
        var activity = new InvocationActivity(clock);

        activity.Started();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(activity.IsIdle);
        activity.Ended();
        clock.Advance(MemoryTrimmer.IdleBeforeTrim - TimeSpan.FromSeconds(1));

        Assert.True(activity.IsIdle);
        Assert.Equal(1, activity.EndedCount);
        Assert.True(activity.SinceLastEnded < MemoryTrimmer.IdleBeforeTrim);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(MemoryTrimmer.IdleBeforeTrim, activity.SinceLastEnded);
    }
}
