import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795738060155 implements MigrationInterface {
  name = 'Accounts1795738060155';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"email\" varchar(254), \"username\" varchar(32) NOT NULL, \"passwordHash\" varchar(255), \"displayName\" varchar(60), \"avatar\" varchar(255), \"avatarChoice\" varchar CHECK( \"avatarChoice\" IN ('aurora','ember','forest','ocean','sunset','violet','slate','gold') ), \"piUid\" varchar(64), \"piUsername\" varchar(64), \"role\" varchar CHECK( \"role\" IN ('customer','admin') ) NOT NULL DEFAULT ('customer'), \"isActive\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"lastLoginAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a40f98fdf54bd8d882cab55fb4\" ON \"users\" (\"piUid\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fe0bb3f6520ee0469504521e71\" ON \"users\" (\"username\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"familyId\" varchar(36) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"accessJti\" varchar(36) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"rotatedAt\" datetime(3), \"revokedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_610102b60fea1455310ccd299d\" ON \"refresh_tokens\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_40e9a8b923a1b3fb4429a5c624\" ON \"refresh_tokens\" (\"familyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c25bc63d248ca90e8dcc1d92d0\" ON \"refresh_tokens\" (\"tokenHash\") ");
    await queryRunner.query("CREATE TABLE \"revoked_access_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"jti\" varchar(36) NOT NULL, \"expiresAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_443757c9837e7e637a3e89d34d\" ON \"revoked_access_tokens\" (\"expiresAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_340815421be58a8330570a1d6f\" ON \"revoked_access_tokens\" (\"jti\") ");
    await queryRunner.query("CREATE TABLE \"login_attempts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"login\" varchar(254) NOT NULL, \"ip\" varchar(45) NOT NULL, \"failures\" integer NOT NULL DEFAULT (0), \"firstFailureAt\" datetime(3) NOT NULL, \"lastFailureAt\" datetime(3) NOT NULL, \"lockedUntil\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_04195fcbad2b4e8fc9379cfae0\" ON \"login_attempts\" (\"lockedUntil\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_776d35403e303dac0782bc4447\" ON \"login_attempts\" (\"login\", \"ip\") ");
    await queryRunner.query("CREATE TABLE \"password_reset_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_d6a19d4b4f6c62dcd29daa497e\" ON \"password_reset_tokens\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1143abb8c3fad8b06dd857a8c9\" ON \"password_reset_tokens\" (\"tokenHash\") ");
    await queryRunner.query("CREATE TABLE \"temporary_refresh_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"familyId\" varchar(36) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"accessJti\" varchar(36) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"rotatedAt\" datetime(3), \"revokedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_610102b60fea1455310ccd299de\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_refresh_tokens\"(\"id\", \"userId\", \"familyId\", \"tokenHash\", \"accessJti\", \"expiresAt\", \"rotatedAt\", \"revokedAt\", \"createdAt\") SELECT \"id\", \"userId\", \"familyId\", \"tokenHash\", \"accessJti\", \"expiresAt\", \"rotatedAt\", \"revokedAt\", \"createdAt\" FROM \"refresh_tokens\"");
    await queryRunner.query("DROP TABLE \"refresh_tokens\"");
    await queryRunner.query("ALTER TABLE \"temporary_refresh_tokens\" RENAME TO \"refresh_tokens\"");
    await queryRunner.query("CREATE INDEX \"IDX_610102b60fea1455310ccd299d\" ON \"refresh_tokens\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_40e9a8b923a1b3fb4429a5c624\" ON \"refresh_tokens\" (\"familyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c25bc63d248ca90e8dcc1d92d0\" ON \"refresh_tokens\" (\"tokenHash\") ");
    await queryRunner.query("CREATE TABLE \"temporary_password_reset_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_d6a19d4b4f6c62dcd29daa497e2\" FOREIGN KEY (\"userId\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_password_reset_tokens\"(\"id\", \"userId\", \"tokenHash\", \"expiresAt\", \"usedAt\", \"createdAt\") SELECT \"id\", \"userId\", \"tokenHash\", \"expiresAt\", \"usedAt\", \"createdAt\" FROM \"password_reset_tokens\"");
    await queryRunner.query("DROP TABLE \"password_reset_tokens\"");
    await queryRunner.query("ALTER TABLE \"temporary_password_reset_tokens\" RENAME TO \"password_reset_tokens\"");
    await queryRunner.query("CREATE INDEX \"IDX_d6a19d4b4f6c62dcd29daa497e\" ON \"password_reset_tokens\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1143abb8c3fad8b06dd857a8c9\" ON \"password_reset_tokens\" (\"tokenHash\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"password_reset_tokens\" RENAME TO \"temporary_password_reset_tokens\"");
    await queryRunner.query("CREATE TABLE \"password_reset_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"password_reset_tokens\"(\"id\", \"userId\", \"tokenHash\", \"expiresAt\", \"usedAt\", \"createdAt\") SELECT \"id\", \"userId\", \"tokenHash\", \"expiresAt\", \"usedAt\", \"createdAt\" FROM \"temporary_password_reset_tokens\"");
    await queryRunner.query("DROP TABLE \"temporary_password_reset_tokens\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1143abb8c3fad8b06dd857a8c9\" ON \"password_reset_tokens\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d6a19d4b4f6c62dcd29daa497e\" ON \"password_reset_tokens\" (\"userId\") ");
    await queryRunner.query("ALTER TABLE \"refresh_tokens\" RENAME TO \"temporary_refresh_tokens\"");
    await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"userId\" integer NOT NULL, \"familyId\" varchar(36) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"accessJti\" varchar(36) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"rotatedAt\" datetime(3), \"revokedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"refresh_tokens\"(\"id\", \"userId\", \"familyId\", \"tokenHash\", \"accessJti\", \"expiresAt\", \"rotatedAt\", \"revokedAt\", \"createdAt\") SELECT \"id\", \"userId\", \"familyId\", \"tokenHash\", \"accessJti\", \"expiresAt\", \"rotatedAt\", \"revokedAt\", \"createdAt\" FROM \"temporary_refresh_tokens\"");
    await queryRunner.query("DROP TABLE \"temporary_refresh_tokens\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c25bc63d248ca90e8dcc1d92d0\" ON \"refresh_tokens\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_40e9a8b923a1b3fb4429a5c624\" ON \"refresh_tokens\" (\"familyId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_610102b60fea1455310ccd299d\" ON \"refresh_tokens\" (\"userId\") ");
    await queryRunner.query("DROP TABLE \"password_reset_tokens\"");
    await queryRunner.query("DROP TABLE \"login_attempts\"");
    await queryRunner.query("DROP TABLE \"revoked_access_tokens\"");
    await queryRunner.query("DROP TABLE \"refresh_tokens\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
