namespace AfterSales.Persistence;

/// <summary>
/// Every fixed PostgreSQL advisory lock key AfterSales takes, in one place so that no two uses pick the same number.
/// The values are part of the database's contract: Hosts of the previous release on the same database hold them, so a
/// value never changes. (<c>WorkflowDefinitionService</c> also takes transaction locks keyed by
/// <c>hashtextextended(definition id)</c>; those spread over all of bigint, so meeting one of these is a 1 in 2^64
/// chance.)
/// </summary>
public enum AdvisoryLockKey : long
{
    /// <summary>Hosts starting together migrate the <c>aftersales</c> schema one at a time. "AfterSal".</summary>
    Migration = 0x4166_7465_7253_616C,

    /// <summary>Hosts starting together install Hangfire's schema one at a time (its scripts are not safe to run
    /// concurrently). "HANGFIRE".</summary>
    HangfireSchema = 0x4841_4E47_4649_5245,

    /// <summary>Held for as long as a Host's timer pump leads; the others wait to take over. "TIMERPMP".</summary>
    TimerLeader = 0x5449_4D45_5250_4D50,

    /// <summary>Two Hosts starting on an empty database take turns; the second finds the role users there.</summary>
    UserSeed = 0x5EED_0005_E125,

    /// <summary>Keeps two Hosts starting on an empty database from both importing the seed workflows.</summary>
    WorkflowSeed = 0x5EED_AF7E_5A1E5,

    /// <summary>
    /// Held for the transaction of a change that may take an enabled admin away (roles, disabling), so two admins
    /// disabling each other at once cannot leave none. "USERADMN".
    /// </summary>
    UserAdministration = 0x5553_4552_4144_4D4E,
}
