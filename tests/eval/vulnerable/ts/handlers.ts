// Typed Express handlers (TypeScript) with the same mistakes as the JavaScript samples.
import { exec, execSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as https from 'https';
import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';

const pool = new Pool();
const SECRET: string = process.env.JWT_SECRET ?? '';

export function ping(req: Request, res: Response): void {
  exec(`ping -c 1 ${req.query.host as string}`, (_err, out) => res.send(out)); // vuln: command-injection
}

export function thumbnail(req: Request<{ name: string }>, res: Response): void {
  const out: Buffer = execSync('convert ' + req.params.name + ' -resize 64x64 -'); // vuln: command-injection
  res.type('png').send(out);
}

export function runTool(req: Request, res: Response): void {
  spawn(String(req.body.tool), { shell: true }).stdout.pipe(res); // vuln: command-injection
}

export async function getOrder(req: Request<{ id: string }>, res: Response): Promise<void> {
  const { rows } = await pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`); // vuln: sql-injection
  res.json(rows[0]);
}

export async function searchOrders(req: Request, res: Response): Promise<void> {
  const q = req.query.q as string;
  const { rows } = await pool.query("SELECT * FROM orders WHERE note LIKE '%" + q + "%'"); // vuln: sql-injection
  res.json(rows);
}

export function compute(req: Request, res: Response): void {
  const fn = new Function('x', `return ${req.body.formula as string};`) as (x: number) => number; // vuln: code-eval
  res.json({ y: fn(Number(req.query.x)) });
}

export function legacyEval(req: Request, res: Response): void {
  res.json(eval(req.body.expr as string)); // vuln: code-eval
}

export const agent = new https.Agent({ rejectUnauthorized: false }); // vuln: tls-verify-disabled

export function token(): string {
  const value: string = Math.random().toString(36).slice(2); // vuln: insecure-random
  return value;
}

export function user(req: Request): unknown {
  return jwt.decode(String(req.headers.authorization).slice(7)); // vuln: jwt-verify-disabled
}

export function passwordHash(password: string): string {
  return createHash('md5').update(password).digest('hex'); // vuln: weak-hash
}

// --- near misses ------------------------------------------------------------------------------

export function pingSafe(req: Request, res: Response): void {
  spawn('ping', ['-c', '1', String(req.query.host)]).stdout.pipe(res); // safe: command-injection
}

export async function getOrderSafe(req: Request<{ id: string }>, res: Response): Promise<void> {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id]); // safe: sql-injection
  res.json(rows[0]);
}

export function userSafe(req: Request): unknown {
  return jwt.verify(String(req.headers.authorization).slice(7), SECRET, { algorithms: ['HS256'] }); // safe: jwt-verify-disabled
}

export function shuffle<T>(items: T[]): T[] {
  return items.sort(() => Math.random() - 0.5); // safe: insecure-random
}
