using System.Diagnostics.CodeAnalysis;
using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>
/// The cheap facts of one exec, each read at most once, by whichever asks first: the conditions (to decide) or the
/// exec's reader (to report). One per session, reused from exec to exec on the receive thread.
/// </summary>
/// <param name="reader">Reads the process.</param>
internal sealed class ExecFacts(IProcessInfoReader reader)
{
    private int _pid;
    private bool _commandNameRead;
    private string? _commandName;
    private bool _identityRead;
    private bool _hasIdentity;
    private ProcessIdentity _identity;
    private bool _credentialsRead;
    private bool _hasCredentials;
    private ProcessCredentials _credentials;

    /// <summary>Forgets the previous exec's facts: the next questions are about <paramref name="pid"/>.</summary>
    /// <param name="pid">The process that exec'd.</param>
    public void Begin(int pid)
    {
        _pid = pid;
        _commandNameRead = _identityRead = _credentialsRead = false;
        _hasIdentity = _hasCredentials = false;
        _commandName = null;
        _identity = default;
        _credentials = default;
    }

    /// <summary>
    /// Forgets the previous exec's facts and takes what the source captured of this one in the kernel (command name,
    /// parent, user ids, cgroup): those are not read from the process, which may be gone already.
    /// </summary>
    /// <param name="pid">The process that exec'd.</param>
    /// <param name="capture">What the source captured; null when nothing.</param>
    public void Begin(int pid, ExecCapture? capture)
    {
        Begin(pid);
        if (capture is null)
        {
            return;
        }

        if (capture.CommandName is { } name)
        {
            KnowCommandName(name);
        }

        if (capture.Identity is { } identity)
        {
            _identityRead = _hasIdentity = true;
            _identity = identity;
        }
    }

    /// <summary>True when the command name was read (or tried) already: asking again costs nothing.</summary>
    public bool CommandNameKnown => _commandNameRead;

    /// <summary>True when the identity was read (or tried) already: asking again costs nothing.</summary>
    public bool IdentityKnown => _identityRead;

    /// <summary>True when the user ids were read (or tried) already: asking again costs nothing.</summary>
    public bool CredentialsKnown => _credentialsRead;

    /// <summary>The command name (<c>comm</c>); false when the process is gone.</summary>
    /// <param name="name">The command name when read; otherwise null.</param>
    /// <returns>True when read; otherwise false.</returns>
    public bool TryGetCommandName([NotNullWhen(true)] out string? name)
    {
        if (!_commandNameRead)
        {
            _commandNameRead = true;
            _commandName = reader.TryReadCommandName(_pid, out var read) ? read : null;
        }

        name = _commandName;
        return name is not null;
    }

    /// <summary>A command name another read gave (stat's), so it is not read again.</summary>
    /// <param name="name">The command name.</param>
    public void KnowCommandName(string name)
    {
        _commandNameRead = true;
        _commandName = name;
    }

    /// <summary>Parent and user ids in one read, where the platform has one.</summary>
    /// <param name="identity">The parent and user ids when read.</param>
    /// <returns>True when read; false when the process is gone or the platform has no such read.</returns>
    public bool TryGetIdentity(out ProcessIdentity identity)
    {
        if (!_identityRead)
        {
            _identityRead = true;
            _hasIdentity = reader.TryReadIdentity(_pid, out _identity);
        }

        identity = _identity;
        return _hasIdentity;
    }

    /// <summary>Real and effective user ids: the identity's, else read on their own.</summary>
    /// <param name="credentials">The real and effective user ids when read.</param>
    /// <returns>True when read; false when the process is gone.</returns>
    public bool TryGetCredentials(out ProcessCredentials credentials)
    {
        if (!_credentialsRead)
        {
            _credentialsRead = true;
            if (TryGetIdentity(out var identity))
            {
                _credentials = identity.Credentials;
                _hasCredentials = true;
            }
            else
            {
                _hasCredentials = reader.TryReadCredentials(_pid, out _credentials);
            }
        }

        credentials = _credentials;
        return _hasCredentials;
    }
}
