namespace AfterSales.Cases.Tests;

public sealed class CaseStatusesTests
{
    public static TheoryData<string> NotFinal => [CaseStatuses.Open, CaseStatuses.InProgress, CaseStatuses.WaitingCustomer, CaseStatuses.Resolved];

    [Fact]
    public void Final_AreClosedAndRejected()
    {
        Assert.Equal([CaseStatuses.Closed, CaseStatuses.Rejected], CaseStatuses.Final);
        Assert.All(CaseStatuses.Final, s => Assert.Contains(s, CaseStatuses.All));
    }

    [Theory]
    [MemberData(nameof(NotFinal))]
    public void CanChange_ToAnyStatus_FromAStatusThatIsNotFinal(string from) =>
        Assert.All(CaseStatuses.All, to => Assert.True(CaseStatuses.CanChange(from, to), $"{from} → {to}"));

    [Theory]
    [InlineData(CaseStatuses.Closed)]
    [InlineData(CaseStatuses.Rejected)]
    public void CanChange_OnlyToItself_FromAFinalStatus(string from) =>
        Assert.Equal([from], CaseStatuses.All.Where(to => CaseStatuses.CanChange(from, to)));

    [Fact]
    public void CanChange_IsFalse_ForAnUnknownStatus() => Assert.False(CaseStatuses.CanChange(CaseStatuses.Open, "done"));
}
