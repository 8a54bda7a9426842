using System.CommandLine;
using System.Text;
using Capteur.Broker;
using Capteur.Broker.Security;

namespace Capteur.Cli.Commands;

/// <summary>
/// `capteur broker passwd FILE USER`: sets USER's password in FILE (created if missing), like mosquitto_passwd. The password is read
/// twice from the terminal without echo, or once from standard input when it is redirected (scripts: `echo secret | capteur broker passwd ...`).
/// </summary>
public static class BrokerPasswdCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Password file" };
        var user = new Argument<string>("USER") { Description = "User name" };
        var delete = new Option<bool>("--delete", "-D") { Description = "Remove USER instead of setting a password" };
        var iterations = new Option<int>("--iterations")
        {
            Description = $"PBKDF2-SHA256 iterations (default {PasswordHasher.DefaultIterations})",
            DefaultValueFactory = _ => PasswordHasher.DefaultIterations,
        };
        var command = new Command("passwd", "Add or change a user in a broker password file (PBKDF2-SHA256, salted).") { file, user, delete, iterations };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var name = result.GetValue(user)!;
            try
            {
                PasswordFile.CheckUserName(name);
                if (result.GetValue(delete))
                {
                    if (!File.Exists(path) || !PasswordFile.Delete(path, name))
                    {
                        Console.Error.WriteLine($"capteur broker passwd: user '{name}' is not in {path}");
                        return 1;
                    }

                    Console.WriteLine($"removed '{name}' from {path}");
                    return 0;
                }

                var password = ReadPassword();
                if (password == null)
                {
                    return 1;
                }

                PasswordFile.SetPassword(path, name, password, result.GetValue(iterations));
                Console.WriteLine($"set the password of '{name}' in {path}");
                return 0;
            }
            catch (Exception e) when (e is BrokerConfigException or ArgumentOutOfRangeException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"capteur broker passwd: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                Console.Error.WriteLine("capteur broker passwd: no password on standard input (pipe one line, e.g. echo secret | capteur broker passwd FILE USER)");
                return null;
            }

            return line;
        }

        var first = Prompt("Password: ");
        var second = Prompt("Reenter password: ");
        if (first.Length == 0 || first != second)
        {
            Console.Error.WriteLine(first.Length == 0 ? "capteur broker passwd: empty password refused" : "capteur broker passwd: the passwords do not match");
            return null;
        }

        return first;
    }

    static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
