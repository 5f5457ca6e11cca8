using System.Reflection;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Cases.Sla;
using AfterSales.Cases.Surveys;
using AfterSales.Cases.Tasks;

namespace AfterSales.Cases.Tests;

public sealed class EffectNamesTests
{
    // Stored data: a change here means rows already written are no longer recognised.
    public static TheoryData<Type, string> StoredNames => new()
    {
        { typeof(CaseOpened), "case.opened" },
        { typeof(CaseStatusChanged), "case.status_changed" },
        { typeof(CaseOwnerAssigned), "case.owner_assigned" },
        { typeof(CaseTimelineEntry), "case.timeline_entry" },
        { typeof(CaseEscalated), "case.escalated" },
        { typeof(MailRequested), "mail.requested" },
        { typeof(SurveyRequested), "survey.requested" },
        { typeof(SlaClockStarted), "sla.clock_started" },
        { typeof(FirstResponseRecorded), "sla.first_response_recorded" },
        { typeof(TaskCompleted), "task.completed" },
    };

    [Theory]
    [MemberData(nameof(StoredNames))]
    public void Of_IsTheNameTheEffectDeclares_NotItsClrName(Type effect, string name)
    {
        Assert.Equal(name, EffectNames.Of(effect));
        Assert.NotEqual(effect.FullName, EffectNames.Of(effect));
        Assert.Equal(effect, EffectNames.Find(name));
    }

    [Fact]
    public void Of_StaysTheSame_WhenTheClassMovesToAnotherNamespace() =>
        Assert.Equal(EffectNames.Of(typeof(CaseStatusChanged)), EffectNames.Of(typeof(Moved.CaseStatusChanged)));

    [Fact]
    public void Of_IsTheClrFullName_ForAnEffectThatDeclaresNoName() =>
        Assert.Equal(typeof(Unnamed).FullName, EffectNames.Of(typeof(Unnamed)));

    [Fact]
    public void Find_ReadsTheClrNamesTheCaseEffectsWereStoredUnderBefore()
    {
        Assert.Equal(typeof(CaseStatusChanged), EffectNames.Find("AfterSales.Activities.Cases.CaseStatusChanged"));
        Assert.Equal(typeof(CaseOpened), EffectNames.Find("AfterSales.Persistence.Cases.CaseOpened"));
        Assert.All(EffectNames.Legacy, old => Assert.NotNull(EffectNames.Find(old.Key)));
        Assert.Null(EffectNames.Find("AfterSales.Activities.Cases.Nothing"));
    }

    [Fact]
    public void EveryCaseEffect_DeclaresAName_AndIsListed_UnderANameOfItsOwn()
    {
        var declared = typeof(ICaseEffect).Assembly.GetTypes()
            .Where(t => t.IsClass && (typeof(ICaseEffect).IsAssignableFrom(t) || t.GetCustomAttribute<EffectNameAttribute>() is not null))
            .ToHashSet();

        Assert.All(declared, t => Assert.NotNull(t.GetCustomAttribute<EffectNameAttribute>()));
        Assert.Equal(declared.OrderBy(t => t.FullName), EffectNames.CaseEffects.OrderBy(t => t.FullName));
        Assert.Equal(EffectNames.CaseEffects.Count, EffectNames.CaseEffects.Select(EffectNames.Of).Distinct().Count());
    }

    private sealed record Unnamed(string CaseId);
}
