// The `gradcheck` command line. Placeholder until the engine lands (replaced in the next commits).
process.stdout.write('gradcheck: no command yet\n');
