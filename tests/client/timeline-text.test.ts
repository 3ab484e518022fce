import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../client/i18n/index.ts';
import { timelineText } from '../../client/view/timeline-text.ts';

describe('what happened, in the player language', () => {
  afterAll(() => setLanguage('en'));

  it('tells the simulation sentences again in Korean and leaves unknown ones as they are', () => {
    setLanguage('ko');
    expect(timelineText('zone us-east-1b is down')).toBe('가용 영역 us-east-1b 중단');
    expect(timelineText('over: availability zone us-east-1b goes dark')).toBe('종료: 가용 영역 us-east-1b 중단 발생');
    expect(timelineText('main/Web: launching 2 instances in us-east-1a, us-east-1c')).toBe('main/Web: us-east-1a, us-east-1c에 인스턴스 2대 시작');
    expect(timelineText('a flood of requests starts from europe')).toBe('유럽에서 폭주 요청 시작');
    expect(timelineText('Marketing sends a newsletter', '마케팅 뉴스레터 발송')).toBe('마케팅 뉴스레터 발송');
    expect(timelineText('something new happened')).toBe('something new happened');
  });

  it('shows the server sentence in English', () => {
    setLanguage('en');
    expect(timelineText('zone us-east-1b is down', '가용 영역')).toBe('zone us-east-1b is down');
  });
});
