import type { Finding, Rule } from '../types';
import { finding } from '../lib/finding';
import { achieved } from './I02';
import { norm } from '../lib/norm';

export const I03: Rule = {
  id: 'I03',
  title: 'Action plans and policy instruments',
  severity: 'warning',
  explanation: {
    what: 'For the project as a whole, action plans (AP) are not more than the policy instruments addressed (PI-SF + PI-REG), in targets and in achievements.',
    why: 'In Interreg Europe each action plan improves a policy instrument: a project cannot have more action plans than instruments it addresses.',
    fix: 'Check the AP, PI-SF and PI-REG figures; an action plan counts once, for the instrument it improves.',
  },
  run({ model }) {
    const project = model.project;
    if (!project) return [];
    const find = (code: string) => project.targets.find((t) => norm(t.code) === norm(code)) ?? null;
    const ap = find('AP');
    const sf = find('PI-SF');
    const reg = find('PI-REG');
    if (!ap || !sf || !reg) return [];
    const out: Finding[] = [];
    const [a, s, r] = [ap.target.value, sf.target.value, reg.target.value];
    if (a !== null && s !== null && r !== null && a > s + r) {
      out.push(finding('I03', 'warning', ap.target.at, `Target of ${a} action plans is more than the ${s + r} policy instruments addressed (PI-SF ${s} + PI-REG ${r})`, { expected: s + r, actual: a }));
    }
    const [ga, gs, gr] = [achieved(model, ap), achieved(model, sf), achieved(model, reg)];
    if (ga !== null && gs !== null && gr !== null && ga > gs + gr) {
      out.push(finding('I03', 'warning', ap.target.at, `${ga} action plans achieved, more than the ${gs + gr} policy instruments achieved (PI-SF ${gs} + PI-REG ${gr})`, { expected: gs + gr, actual: ga }));
    }
    return out;
  },
};
