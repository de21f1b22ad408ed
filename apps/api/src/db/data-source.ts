import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigFromEnvFile } from '../config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI, which wants a file exporting exactly one DataSource. */
export default new DataSource(dataSourceOptions(loadConfigFromEnvFile().database));
