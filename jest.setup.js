// Integration tests talk to real Postgres, Redis and Kafka: 60 s per test unless a test says otherwise.
// (Set here because Jest 29 accepts `testTimeout` in neither a project config nor a multi-project root.)
jest.setTimeout(60_000);
