// Tests never read the developer's .env: they say what they need.
process.env.NODE_ENV = 'test';
process.env.DOTENV_CONFIG_QUIET = 'true';
