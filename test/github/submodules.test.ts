// The repository a submodule url names on the App's GitHub host (github/submodules.ts): the url
// is the pull request author's text, so another host, scheme or path shape names nothing here.
import { describe, expect, it } from 'vitest';
import { submoduleRepository } from '../../src/github/submodules.js';

const SUPER = { owner: 'acme', repo: 'infra' };

describe('submoduleRepository', () => {
  it.each([
    ['https://github.com/acme/sg.git', 'github.com', { owner: 'acme', repo: 'sg' }],
    ['https://GitHub.com/other/sg', 'github.com', { owner: 'other', repo: 'sg' }],
    ['git@github.com:acme/sg.git', 'github.com', { owner: 'acme', repo: 'sg' }],
    ['ssh://git@github.com/acme/sg.git', 'github.com', { owner: 'acme', repo: 'sg' }],
    ['ssh://git@ghe.example.com:7999/acme/sg.git', 'ghe.example.com', { owner: 'acme', repo: 'sg' }],
    ['../sg.git', 'github.com', { owner: 'acme', repo: 'sg' }],
    ['../../other/sg', 'github.com', { owner: 'other', repo: 'sg' }],
  ])('%s on %s names a repository there', (url, host, repo) => {
    expect(submoduleRepository(url, SUPER, host)).toEqual(repo);
  });

  it.each([
    ['https://gitlab.com/acme/sg.git', 'github.com'],
    ['git@evil.example:acme/sg.git', 'github.com'],
    ['https://github.com.evil.example/acme/sg', 'github.com'],
    ['https://github.com/acme/sg/tree/main', 'github.com'],
    ['file:///srv/git/sg.git', 'github.com'],
    ['./sg', 'github.com'],
    ['../../../x', 'github.com'],
    ['/abs/path/sg', 'github.com'],
    ['https://github.com/acme/sg.git', 'ghe.example.com'],
  ])('%s on %s names none', (url, host) => {
    expect(submoduleRepository(url, SUPER, host)).toBeNull();
  });
});
